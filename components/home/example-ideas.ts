// Starting points on the home page; a click fills the idea box.
export const EXAMPLE_IDEAS: { label: string; idea: string }[] = [
  {
    label: "Coffee cup ad",
    idea: "A 30-second ad for a reusable coffee cup: a rushed commuter's morning, from an empty cup to a refill at a tiny corner café, ending on the logo.",
  },
  {
    label: "Lighthouse tale",
    idea: "A lighthouse keeper finds a message in a bottle written by her younger self, and climbs the tower one last time before the storm.",
  },
  {
    label: "Heat pump explainer",
    idea: "Explain how a heat pump warms a house in winter, for homeowners who think it's magic: outside air, refrigerant, compressor, warm rooms.",
  },
  {
    label: "Night-market chase",
    idea: "A kid and a stray dog race through a neon night market to return a lost wallet before the last train leaves.",
  },
  {
    label: "Sci-fi cold open",
    idea: "An astronaut alone on a space station hears three slow knocks coming from outside the airlock.",
  },
];
