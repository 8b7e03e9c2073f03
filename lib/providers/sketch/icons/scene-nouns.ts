import { lookupNoun, type IconCategory, type IconShape } from "./icon-index";

// Which things a scene names, read against the icon index: "the keeper tosses a sandwich to a
// seagull below the lighthouse" → sandwich (food), seagull (animal), lighthouse (landmark), and
// keeper (a person, drawn as a figure). Longest match first ("fishing boat" before "boat"),
// plurals folded, words that are more often verbs only counted after a determiner.

export type SceneNoun = {
  /** The lemma in the index ("seagull"). */
  noun: string;
  /** As written ("seagulls"). */
  text: string;
  /** Character offset in the scanned text (description first, then the prompt). */
  at: number;
  category: IconCategory;
  icon: IconShape | null;
  /** From the description (true) or only from the wider prompt (false). */
  inDescription: boolean;
  /** Written in the plural ("kites"): a flock, a row, a pile. */
  plural?: boolean;
  /** Owns the next thing ("the cargo bike's battery"): that thing, not this, is the subject. */
  owner?: boolean;
  /** A character of the cast drawn as this noun (a cat, a robot): its name. */
  character?: string;
};

// Storyboard language and body parts: never an object to draw.
const META = new Set(
  (
    "shot,shots,frame,frames,scene,scenes,camera,cameras,close,closeup,close-up,view,views,angle,angles,beat,beats,moment,detail,details,background,foreground," +
    "side,sides,end,top,front,back,middle,left,right,title,titles,card,text,voice,voiceover,music,sound,caption,cut,insert,wide,medium,pov,shoulder,shoulders," +
    "face,faces,hand,hands,head,heads,eye,eyes,arm,arms,leg,legs,foot,feet,finger,fingers,body,mouth,nose,ear,ears,hair,lap,chest,knee,knees,heart,tear,tears," +
    "light,lights,shadow,shadows,silhouette,silhouettes,line,lines,edge,edges,point,points,spot,place,thing,things,piece,pieces,part,parts,bit,set,lot,kind,sort,way," +
    "figure,figures,shape,shapes,form,model,type,sign,signs,mark,marks,air,water,ground,floor,wall,walls,sky,world,life,home,work,spot,surface,space,step,steps," +
    "product,products,brand,logo,screen,story,legend,tale,plan,idea,lesson,proof,result,results,problem,solution,question,answer,example,number,numbers,time,times," +
    "blade,slice,slices,pair,pairs,stack,stacks,pile,piles,bunch,handful,herd,herds,flock,flocks,queue,queues,row,rows,walk,walks,lie,lies,room,rooms,claw,claws,paw,paws,tail,tails,wing,wings,beak,fin,fins,horn,horns,hoof,hooves,feather,feathers,fur,whisker,whiskers,mane,scale,scales,shell,white,black,red,blue,green,yellow,grey,gray,brown,pink,orange,purple,gold,silver,square,plaza,shift,shifts,two,three,four,five,six,seven,eight,nine,ten,dozen,hundred,thousand,million,day,days,night,nights,morning,evening,dawn,dusk,sunrise,sunset,year,years,minute,minutes,second,seconds,hour,hours,week,weeks,today,tomorrow,crust,gallery,glow,best,worst,shaft,shafts,hold,holds,stretch,stretches,seam,seams,round,rounds,turning,skin,skins,beam,beams,ray,rays,dust,beat"
  ).split(","),
);

// Words that are more often verbs or adjectives: a noun only after a determiner or a number.
const VERBISH = new Set(
  (
    "can,will,may,might,saw,watch,watches,fly,flies,ring,rings,tie,ties,duck,ducks,fish,file,files,match,matches,plant,plants,lead,leads,rock,rocks,fall,falls," +
    "spring,stick,sticks,iron,bar,bars,pitch,stamp,box,boxes,cook,cooks,drive,drives,hammer,hammers,pan,pans,tilt,tilts,dolly,track,tracks,crane,cranes,truck," +
    "trucks,seal,seals,bat,bats,fan,fans,land,lands,park,parks,wave,waves,hold,holds,present,presents,pack,packs,bank,banks,board,boards,check,checks,note," +
    "notes,post,posts,pick,picks,pipe,pipes,place,places,press,bowl,bowls,train,trains,ship,ships,shop,shops,cover,covers,dress,dresses,pot,pots,pop,pops,cap," +
    "caps,pin,pins,nail,nails,chip,chips,jam,jams,table,tables,chair,chairs,mine,bear,bears,lock,locks,key,keys,slip,slips,block,blocks,mask,masks,kite,star," +
    "stars,fire,fires,table,sail,sails,swing,swings,slide,slides,paint,paints,ride,rides,show,shows,shows,lift,lifts,rest,rests,hug,hugs,kiss,kisses,coach"
  ).split(","),
);

const DETERMINERS = new Set(
  "a,an,the,his,her,their,its,my,our,your,wooden,golden,this,that,these,those,some,every,each,one,two,three,four,five,six,seven,eight,nine,ten,several,many,few,no,another,other,old,new,big,small,little,tiny,huge,giant,red,blue,green,white,black,yellow,wooden,paper,toy,own,whose,'s".split(","),
);

function singulars(w: string): string[] {
  const out = [w];
  if (w.endsWith("ies") && w.length > 4) out.push(w.slice(0, -3) + "y");
  if (w.endsWith("ves") && w.length > 4) out.push(w.slice(0, -3) + "f", w.slice(0, -3) + "fe");
  if (/(ches|shes|xes|sses|zes)$/.test(w)) out.push(w.slice(0, -2));
  if (w.endsWith("es") && w.length > 3) out.push(w.slice(0, -1), w.slice(0, -2));
  if (w.endsWith("s") && !w.endsWith("ss") && w.length > 3) out.push(w.slice(0, -1));
  if (w.endsWith("men")) out.push(w.slice(0, -3) + "man");
  const irregular: Record<string, string> = { children: "child", people: "person", geese: "goose", mice: "mouse", teeth: "tooth", oxen: "ox", sheep: "sheep", fish: "fish" };
  if (irregular[w]) out.push(irregular[w]);
  return out;
}

type Token = { w: string; at: number; poss: boolean; cap: boolean; end: boolean };

function tokens(text: string, offset: number): Token[] {
  const out: Token[] = [];
  const re = /[\p{L}][\p{L}'’-]*/gu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const raw = m[0];
    const w = raw.toLowerCase().replace(/['’]s$/, "").replace(/['’]/g, "");
    const before = text.slice(0, m.index).trimEnd();
    const sentenceStart = before === "" || /[.!?;:]$/.test(before);
    const after = text.slice(m.index + raw.length, m.index + raw.length + 2);
    out.push({ w, at: offset + m.index, poss: /['’]s$/.test(raw), cap: /^\p{Lu}/u.test(raw) && !sentenceStart, end: /^\s*[.,;:!?]/.test(after) });
  }
  return out;
}

const PRONOUNS = new Set(["he", "she", "it", "they", "who", "which", "that"]);

/** "circles the", "Kose bows", "counts his": a verb in the third person, not a plural noun. */
function looksLikeVerb(toks: readonly Token[], i: number, names: ReadonlySet<string>): boolean {
  const t = toks[i] as Token;
  if (!/[^s]s$/.test(t.w)) return false;
  const next = toks[i + 1];
  const prev = toks[i - 1];
  // After "of", "the", "two": a noun ("hundreds of kites over the field").
  if (prev && (DETERMINERS.has(prev.w) || /^(of|with|in|on|at|by|for|from|to|into|over|under|near|beside)$/.test(prev.w))) return false;
  if (next && !t.end && (DETERMINERS.has(next.w) || next.cap || PRONOUNS.has(next.w) || /^(up|down|out|off|into|onto|over|away|back|at|to|across|through|around|along|on|in|under|beside|near|by|with|from|above|below|behind|toward|towards|past|inside|outside)$/.test(next.w))) return true;
  if (prev && (names.has(prev.w) || prev.cap || PRONOUNS.has(prev.w))) return true;
  return false;
}

// Parts named after their whole ("compass needle", "pot lid"): the whole is what to draw.
const PARTS = new Set(["needle", "lid", "handle", "screen", "wheel", "wheels", "door", "window", "seat", "strap", "button", "string", "tail", "blade", "roof", "deck", "bow", "stern", "mast", "sail", "engine"]);

const PEOPLE = new Set(["commuter", "camper", "street vendor", "passer-by", "passerby"]);

const ALIASES: Record<string, string> = { roof: "house", "solar roof": "house", rooftop: "house", farmhouses: "farmhouse", porridge: "bowl" };

function lookup(phrase: string): { noun: string; entry: NonNullable<ReturnType<typeof lookupNoun>> } | null {
  // Role nouns the index files as something else ("commuter" is a train there).
  for (const s of singulars(phrase)) if (PEOPLE.has(s)) return { noun: s, entry: { noun: s, category: "person", icon: null, verbish: false } };
  for (const s of singulars(phrase)) {
    const e = lookupNoun(s);
    if (e) return { noun: s, entry: e };
  }
  // Things drawn by another's icon ("a solar roof" is a house's roof).
  const alias = ALIASES[phrase];
  if (alias) {
    const e = lookupNoun(alias);
    if (e) return { noun: phrase, entry: { ...e, noun: phrase } };
  }
  // "school-run", "e-bike": try the hyphenated word as words.
  if (phrase.includes("-")) {
    const e = lookupNoun(phrase.replace(/-/g, " "));
    if (e) return { noun: phrase.replace(/-/g, " "), entry: e };
  }
  return null;
}

/** Names of the cast (never read as nouns: "Rose", "Hunter", "Bai"). */
function nameWords(names: readonly string[]): Set<string> {
  const s = new Set<string>();
  for (const n of names) for (const t of tokens(n, 0)) s.add(t.w);
  return s;
}

/**
 * The drawable nouns of a scene in order of mention (the description's before the prompt's),
 * each once. People are included with category "person" and no icon.
 */
export function readSceneNouns(description: string, prompt = "", castNames: readonly string[] = []): SceneNoun[] {
  const names = nameWords(castNames);
  const found = new Map<string, SceneNoun>();
  const scan = (text: string, offset: number, inDescription: boolean) => {
    const toks = tokens(text, offset);
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i] as Token;
      let matched = 0;
      for (const n of [3, 2]) {
        if (i + n > toks.length) continue;
        // Never across a comma or a full stop ("the festival field, tents along…").
        if (toks.slice(i, i + n - 1).some((x) => x.end)) continue;
        const phrase = toks.slice(i, i + n).map((x) => x.w).join(" ");
        const hit = lookup(phrase);
        if (hit && !META.has(toks[i + n - 1]?.w ?? "")) {
          add(hit.noun, toks.slice(i, i + n).map((x) => x.w).join(" "), t.at, hit.entry, inDescription, i + n - 1, toks[i + n - 1]?.poss ?? false, i);
          matched = n;
          break;
        }
      }
      if (matched) {
        i += matched - 1;
        continue;
      }
      if (META.has(t.w) || names.has(t.w) || t.w.length < 3) continue;
      const prev = toks[i - 1]?.w ?? "";
      const hit = lookup(t.w);
      if (!hit || META.has(hit.noun)) continue;
      const needsDeterminer = VERBISH.has(t.w) || (hit.entry.verbish && hit.noun === t.w);
      // "a brass key", "the old key": after a determiner, an adjective or another noun.
      const compound = !/s$/.test(t.w) && prev !== "" && lookupNoun(prev) !== null && !names.has(prev);
      if (needsDeterminer && !DETERMINERS.has(prev) && !/(ful|ous|ic|al|ish|ing|ed)$/.test(prev) && !compound) continue;
      if (looksLikeVerb(toks, i, names)) continue;
      // "rain lashing the glass", "Keiko running": a participle, not a thing.
      if (/ing$/.test(t.w) && !DETERMINERS.has(prev) && (names.has(prev) || PRONOUNS.has(prev) || lookupNoun(prev) || DETERMINERS.has(toks[i + 1]?.w ?? ""))) continue;
      add(hit.noun, t.w, t.at, hit.entry, inDescription, i, t.poss);
    }
  };
  // Token index of each noun's last word, per scan: "cheese sandwich" is a sandwich.
  let lastTok = new Map<string, { first: number; last: number }>();
  const add = (noun: string, text: string, at: number, entry: NonNullable<ReturnType<typeof lookupNoun>>, inDescription: boolean, tok = -1, poss = false, firstTok = tok) => {
    if (found.has(noun)) return;
    // "fishing boat" found: a later "boat" is the same thing.
    for (const f of found.values()) if (f.noun.endsWith(` ${noun}`) && f.icon?.id === entry.icon?.id) return;
    const plural = text !== noun && !noun.includes(" ") && /s$/.test(text);
    // Noun + noun: the first names what the second is made of or for ("cheese sandwich",
    // "paper kite"), unless the second is a part of the first ("compass needle").
    for (const [k, pos] of lastTok) {
      if (pos.last !== firstTok - 1) continue;
      const prevNoun = found.get(k);
      if (!prevNoun || prevNoun.category === "person" || entry.category === "person") continue;
      if (PARTS.has(noun)) return;
      if (["prop", "food", "nature", "plant"].includes(prevNoun.category) && ["prop", "food", "vehicle", "landmark"].includes(entry.category)) found.delete(k);
    }
    found.set(noun, { noun, text, at, category: entry.category, icon: entry.icon, inDescription, plural, owner: poss || undefined });
    if (tok >= 0) lastTok.set(noun, { first: firstTok, last: tok });
  };
  scan(description, 0, true);
  lastTok = new Map();
  if (prompt) scan(prompt, 100_000, false);
  return [...found.values()].sort((a, b) => a.at - b.at);
}
