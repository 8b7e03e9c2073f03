/**
 * A skipped test reads as a pass in a summary line, so when a tool is missing this says so loudly
 * in the run's output (which tests did not run, and how to get the tool). Returns `available`,
 * for `skipIf(!…)`.
 */
export function warnIfMissing(available: boolean, tool: string, skipped: string, aptPackage = tool): boolean {
  if (!available) {
    const rule = "!".repeat(78);
    console.warn(
      `\n${rule}\n!! NOT RUN: ${skipped}\n!! ${tool} is not installed here: apt-get install -y ${aptPackage} (.ci/run does)\n${rule}\n`,
    );
  }
  return available;
}
