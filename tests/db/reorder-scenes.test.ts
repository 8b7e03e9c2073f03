import { beforeAll, describe, expect, it } from "vitest";
import { newId } from "@/lib/db/ids";
import { insertSceneAt, listScenesByStoryboard, reorderScenes } from "@/lib/db/queries/scenes";
import { insertStoryboardWithScenes } from "@/lib/db/queries/storyboards";
import type { Db } from "@/lib/db/client";
import { tempDatabase } from "../helpers/db";

let db: Db;
beforeAll(async () => {
  ({ db } = await tempDatabase());
});

const scene = (storyboardId: string, order: number) => ({
  id: newId(),
  storyboardId,
  order,
  description: `scene ${order}`,
  imagePrompt: "p",
  durationSeconds: 3,
  shotType: "medium",
  cameraMove: "static",
});

async function storyboardWith(count: number) {
  const id = newId();
  const rows = Array.from({ length: count }, (_, i) => scene(id, i + 1));
  await insertStoryboardWithScenes({
    db,
    storyboard: { id, title: "t", prompt: "p", sourceKind: "idea", style: "noir", aspectRatio: "16:9", targetDuration: 9, plannerUsed: "embedded" },
    sceneRows: rows,
  });
  return { id, ids: rows.map((r) => r.id) };
}

const order = async (storyboardId: string) => (await listScenesByStoryboard({ db, storyboardId })).map((s) => s.id);

describe("reorderScenes: check and apply in one statement", () => {
  it("applies a list that names every scene once", async () => {
    const { id, ids } = await storyboardWith(3);
    expect(await reorderScenes({ db, storyboardId: id, sceneIds: [ids[2]!, ids[0]!, ids[1]!] })).toBe(true);
    expect(await order(id)).toEqual([ids[2], ids[0], ids[1]]);
    expect((await listScenesByStoryboard({ db, storyboardId: id })).map((s) => s.order)).toEqual([1, 2, 3]);
  });

  it("applies nothing when a scene was added after the caller checked the list", async () => {
    const { id, ids } = await storyboardWith(3);
    const checked = [ids[2]!, ids[1]!, ids[0]!];
    await insertSceneAt({ db, scene: scene(id, 2) }); // lands between the check and the write
    const before = await order(id);
    expect(await reorderScenes({ db, storyboardId: id, sceneIds: checked })).toBe(false);
    expect(await order(id)).toEqual(before);
  });

  it("applies nothing when a scene was deleted after the check, or the list repeats one", async () => {
    const { id, ids } = await storyboardWith(3);
    expect(await reorderScenes({ db, storyboardId: id, sceneIds: [ids[0]!, ids[0]!, ids[1]!] })).toBe(false);
    const other = await storyboardWith(2);
    // a scene of another storyboard does not count
    expect(await reorderScenes({ db, storyboardId: id, sceneIds: [ids[1]!, ids[0]!, other.ids[0]!] })).toBe(false);
    expect(await order(id)).toEqual(ids);
  });
});
