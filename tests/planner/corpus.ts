import type { Form } from "@/lib/planner/schema";

// Ideas the embedded planner must handle well: what people actually type. `subject` lists the
// words at least one of which the plan must mention (case-insensitive) — the idea's own hero,
// product or topic. `form` is what detection should find when the request does not say.

export interface CorpusIdea {
  id: string;
  prompt: string;
  subject: string[];
  form: Form;
  /** Character names the plan must design (and draw in most story frames). */
  characters?: string[];
}

const LONG_PARAGRAPH = [
  "Marisol runs the last lighthouse on the Costa da Morte, a coast of black rocks where ships used to break like biscuits.",
  "Every night she climbs the hundred and twelve steps with a thermos of coffee and a transistor radio tuned to the shipping forecast.",
  "The company has written to say the light will be automated in the spring, and that she should start packing.",
  "She has not told anyone, not even her nephew Iker, who brings groceries up the cliff road every Thursday in a rattling blue van.",
  "On the night of the first winter storm the radio crackles with a mayday from a fishing boat called the Estrella, drifting without power towards the Vilán rocks.",
  "The automatic backup lamp fails at the worst possible moment, its new electronics drowned by the water pouring through a cracked pane.",
  "Marisol does what she has done for thirty years: she lights the old paraffin lamp by hand, trims the wick, and winds the clockwork that turns the great lens.",
  "Her hands shake, from the cold or from age, and twice the match goes out before the flame catches.",
  "The beam swings out over the black water, slow and steady, and far below the Estrella's deckhands see it and turn hard to starboard.",
  "Iker, who has driven up through the storm because she did not answer the phone, arrives soaked to find her sitting on the top step, exhausted, counting the seconds between flashes.",
  "They watch the boat's lights limp past the rocks and into the harbour of Camariñas.",
  "In the morning the harbour master calls; the fishermen want to know who was keeping the light.",
  "Marisol tells him it was the lighthouse, and hangs up, and makes another pot of coffee.",
  "The letter from the company stays on the kitchen table, unopened, under the sugar bowl.",
  "In spring the engineers come with their laptops and their crates of sensors, and she shows them the paraffin lamp, the clockwork, the log books going back to 1921.",
  "One of them, a young woman named Aroa, asks if she can come back on her days off to learn how it all works.",
  "Marisol says the stairs are the hard part, and that everything else is just paying attention.",
  "The last image is the two of them on the gallery at dusk, the old lamp lit for no reason but practice, the new light blinking politely beside it.",
].join(" ");

// ~3,900 characters: the long paragraph plus a second movement, as someone pastes a treatment.
const TREATMENT = `${LONG_PARAGRAPH} Years later, Aroa keeps the logbook herself. She writes the weather every night in the same blue ink, even though the sensors record it better. When a storm knocks out the power across the whole coast in her tenth winter, the village children climb the hill to watch her light the paraffin lamp the way Marisol taught her, and she lets the smallest one, a boy named Brais, strike the match.`.slice(0, 3950);

export const CORPUS: CorpusIdea[] = [
  // ---- ads
  { id: "ad-lantern", prompt: "A 30-second ad for Lumo, a solar lantern for campers that charges in four hours.", subject: ["Lumo"], form: "ad" },
  {
    id: "ad-shoe",
    prompt: "Introducing Volt, the running shoe with recycled soles, all-day cushioning and a carbon plate. Buy now at volt.run",
    subject: ["Volt"],
    form: "ad",
  },
  {
    id: "ad-coffee",
    prompt:
      "Commercial for Morrow Coffee. A tired nurse comes off a night shift at dawn. She makes a cup of Morrow in a tiny kitchen. The first sip, eyes closed. She smiles at the sunrise over the city. Tagline: Morrow — mornings, earned.",
    subject: ["Morrow"],
    form: "ad",
  },
  { id: "ad-app", prompt: "Launch spot for Tandem, a budgeting app for couples who hate talking about money 💸💬", subject: ["Tandem"], form: "ad" },
  { id: "ad-oat", prompt: "an ad for our new oat milk, creamy enough for latte art, made in Sweden", subject: ["oat milk"], form: "ad" },
  { id: "ad-bike", prompt: "Product launch: the Kestrel e-bike folds in ten seconds and climbs any hill in San Francisco. Sale starts Friday.", subject: ["Kestrel"], form: "ad" },
  // ---- stories
  { id: "story-steppe", prompt: "Aigerim leads her grey mare across the frozen steppe at dawn to find her lost brother.", subject: ["Aigerim"], form: "story" },
  {
    id: "story-fisherman",
    prompt:
      "An old fisherman named Tomas catches a talking fish that grants three wishes. His greedy wife wants a bigger house, then a palace, then to rule the sea. The sea grows darker with every wish. In the end they are back in their hut with the same broken washtub.",
    subject: ["Tomas"],
    form: "story",
  },
  { id: "story-egg", prompt: "A girl finds a dragon egg in her grandmother's attic.", subject: ["dragon egg", "girl"], form: "story" },
  { id: "story-detective", prompt: "Late at night, a detective in a rain-soaked city finds a letter that names her as the next victim. 🔍🌧️", subject: ["detective"], form: "story" },
  {
    id: "story-robot",
    prompt:
      "A small maintenance robot called Pip has swept the same empty space station for forty years. One day a seed drifts in through an air vent. Pip builds a pot from a helmet and waters it every day. When the seed finally sprouts, Pip sends a signal to Earth: \"Something is alive up here.\"",
    subject: ["Pip"],
    form: "story",
  },
  {
    id: "story-dialogue",
    prompt:
      "Two old friends, Ruth and Delia, meet at the bus stop where they first met fifty years ago. Ruth says, \"You still owe me a dollar.\" Delia laughs and hands her a coin. The bus comes, and neither of them gets on.",
    subject: ["Ruth", "Delia"],
    form: "story",
  },
  { id: "story-cat", prompt: "a cat", subject: ["cat"], form: "story" },
  { id: "story-knight", prompt: "The last knight of a fallen kingdom must cross the desert to return a stolen crown.", subject: ["knight"], form: "story" },
  { id: "story-long", prompt: LONG_PARAGRAPH, subject: ["Marisol"], form: "story" },
  { id: "story-treatment", prompt: TREATMENT, subject: ["Marisol", "Aroa"], form: "story" },
  { id: "story-emoji", prompt: "🚀🌕 a kid builds a cardboard rocket in the backyard and flies to the moon ✨", subject: ["rocket", "kid"], form: "story" },
  // ---- explainers
  { id: "explainer-vaccines", prompt: "Explain how vaccines train the immune system.", subject: ["vaccine"], form: "explainer" },
  {
    id: "explainer-coffee",
    prompt:
      "A step-by-step guide to brewing pour-over coffee. First, heat the water to 94 degrees. Then rinse the paper filter. Bloom the grounds for thirty seconds. Pour slowly in circles. Serve.",
    subject: ["coffee"],
    form: "explainer",
  },
  { id: "explainer-why", prompt: "Why is the sky blue? A short explainer for kids.", subject: ["sky"], form: "explainer" },
  { id: "explainer-solar", prompt: "How solar panels turn sunlight into electricity for your home", subject: ["solar", "sunlight"], form: "explainer" },
  // ---- not English
  {
    id: "es-dragon",
    prompt: "Una niña llamada Lucía encuentra un huevo de dragón en el desván de su abuela. Lucía lo esconde de su hermano Mateo. Por la noche, el huevo empieza a brillar.",
    subject: ["Lucía"],
    form: "story",
  },
  {
    id: "de-baker",
    prompt: "Ein alter Bäcker namens Otto backt jeden Morgen Brot für das ganze Dorf. Eines Tages bleibt der Ofen kalt. Die Kinder des Dorfes bringen Holz, und Otto backt wieder.",
    subject: ["Otto"],
    form: "story",
  },
  { id: "ru-fish", prompt: "Старик Иван ловит золотую рыбку. Рыбка просит отпустить её. Иван отпускает её, и море становится спокойным.", subject: ["Иван"], form: "story" },
  { id: "kk-steppe", prompt: "Айгерім таң атқанда далада ақ биесін іздейді. Ол ескі құдықтың жанынан ізді табады.", subject: ["Айгерім"], form: "story" },
  { id: "ja-lighthouse", prompt: "雪の夜、少女は古い灯台で光を見つける。彼女は海へ向かう。", subject: ["少女", "girl"], form: "story" },
  // ---- the studio's own kind of chip: one line, several actions
  {
    id: "story-lighthouse-keeper",
    prompt: "A lighthouse keeper finds a message in a bottle written by her younger self, and climbs the tower one last time before the storm.",
    subject: ["lighthouse keeper", "message"],
    form: "story",
    characters: ["Lighthouse keeper"],
  },
  { id: "ad-bottle", prompt: "A 30-second ad for a reusable water bottle that keeps drinks cold for 24 hours", subject: ["reusable water bottle"], form: "ad", characters: ["Hiker"] },
  { id: "story-clouds", prompt: "An old fisherman teaches his granddaughter to read the clouds", subject: ["fisherman", "clouds"], form: "story", characters: ["Old fisherman", "Granddaughter"] },
  { id: "story-raft", prompt: "Two kids build a raft to cross the river behind their school", subject: ["raft", "kids"], form: "story", characters: ["Two kids"] },
  { id: "story-courier", prompt: "A courier cycles through a flooded city to deliver a birthday cake", subject: ["courier", "birthday cake"], form: "story", characters: ["Courier"] },
  { id: "explainer-heat-pump", prompt: "How a heat pump warms a house in winter", subject: ["heat pump"], form: "explainer" },
  { id: "ad-nimbus", prompt: "A launch film for Nimbus, a smart umbrella that tells you when it will rain", subject: ["Nimbus"], form: "ad", characters: ["Commuter"] },
  { id: "story-fox", prompt: "A fox steals a pie from a windowsill and the baker chases it through the village", subject: ["fox", "pie"], form: "story", characters: ["Fox", "Baker"] },
  { id: "es-ad", prompt: "Anuncio de 30 segundos para Brisa, una botella de agua que se limpia sola.", subject: ["Brisa"], form: "ad" },
];
