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
  /**
   * Who must be named, in plain words, in at least one scene description: a proper name kept
   * whole ("Aldar Kose") or the kind of character ("seagull", "chef"). Each entry is a list of
   * acceptable spellings; one of them must appear (case-insensitive, whole word).
   */
  cast?: string[][];
  /** Key props and landmarks that must be named in some scene description (alternatives per entry). */
  props?: string[][];
  /** A language other than English the idea is written in (ISO 639-1). */
  lang?: "es" | "fr" | "de" | "ru" | "kk" | "ja";
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

const CORPUS_BASE: CorpusIdea[] = [
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
    form: "story", lang: "es",
  },
  {
    id: "de-baker",
    prompt: "Ein alter Bäcker namens Otto backt jeden Morgen Brot für das ganze Dorf. Eines Tages bleibt der Ofen kalt. Die Kinder des Dorfes bringen Holz, und Otto backt wieder.",
    subject: ["Otto"],
    form: "story", lang: "de",
  },
  { id: "ru-fish", prompt: "Старик Иван ловит золотую рыбку. Рыбка просит отпустить её. Иван отпускает её, и море становится спокойным.", subject: ["Иван"], form: "story", lang: "ru" },
  { id: "kk-steppe", prompt: "Айгерім таң атқанда далада ақ биесін іздейді. Ол ескі құдықтың жанынан ізді табады.", subject: ["Айгерім"], form: "story", lang: "kk" },
  { id: "ja-lighthouse", prompt: "雪の夜、少女は古い灯台で光を見つける。彼女は海へ向かう。", subject: ["少女", "girl"], form: "story", lang: "ja" },
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
  { id: "story-raft", prompt: "Two kids build a raft to cross the river behind their school", subject: ["raft", "kids"], form: "story", characters: ["The first kid", "The second kid"] },
  { id: "story-courier", prompt: "A courier cycles through a flooded city to deliver a birthday cake", subject: ["courier", "birthday cake"], form: "story", characters: ["Courier"] },
  { id: "explainer-heat-pump", prompt: "How a heat pump warms a house in winter", subject: ["heat pump"], form: "explainer" },
  { id: "ad-nimbus", prompt: "A launch film for Nimbus, a smart umbrella that tells you when it will rain", subject: ["Nimbus"], form: "ad", characters: ["Commuter"] },
  { id: "story-fox", prompt: "A fox steals a pie from a windowsill and the baker chases it through the village", subject: ["fox", "pie"], form: "story", characters: ["Fox", "Baker"] },
  { id: "es-ad", prompt: "Anuncio de 30 segundos para Brisa, una botella de agua que se limpia sola.", subject: ["Brisa"], form: "ad", lang: "es" },
];

// ---- grown for issue 13: ideas outside the README's examples, each with who and what the board
// must name. Written as people type them: ads, stories, explainers; people, animals, places,
// products and abstract ideas; names from several cultures; some not in English.
export const CORPUS_13: CorpusIdea[] = [
  // ads
  { id: "ad-cargo-bike", prompt: "60-second ad for an electric cargo bike for parents who do the school run", subject: ["cargo bike"], form: "ad", cast: [["parent", "parents", "mother", "father"], ["child", "kids", "kid", "children"]], props: [["cargo bike"]] },
  { id: "ad-food-truck", prompt: "A 30-second spot for Taco Loco, a food truck that parks outside the stadium on game nights", subject: ["Taco Loco"], form: "ad", props: [["food truck", "truck"], ["taco", "tacos"], ["stadium"]] },
  { id: "ad-headphones", prompt: "Commercial for Hush, noise-cancelling headphones for students who study in loud cafés", subject: ["Hush"], form: "ad", cast: [["student"]], props: [["headphones"], ["café", "cafe"]] },
  { id: "ad-dog-food", prompt: "Ad for Barkley's, a grain-free dog food for old dogs who still love a long walk", subject: ["Barkley"], form: "ad", cast: [["dog"]], props: [["dog food", "bowl"]] },
  { id: "ad-solar-roof", prompt: "A 15-second ad for SunTile solar roof tiles for farmhouses in Kenya", subject: ["SunTile"], form: "ad", props: [["roof", "tiles"], ["farmhouse"]] },
  { id: "ad-bank-app", prompt: "Launch video for Kopi, a savings app that rounds up every purchase for young couples saving for a flat", subject: ["Kopi"], form: "ad", cast: [["couple"]], props: [["phone", "app"]] },
  { id: "ad-tea", prompt: "An ad for Chai Wallah masala tea, brewed by a street vendor at Mumbai's Churchgate station", subject: ["Chai Wallah"], form: "ad", cast: [["vendor"]], props: [["tea", "chai", "cup"], ["station"]] },
  { id: "ad-stroller", prompt: "Advert for the Drift stroller, so light a grandfather can fold it with one hand", subject: ["Drift"], form: "ad", cast: [["grandfather"]], props: [["stroller"]] },
  { id: "ad-library", prompt: "A public service ad inviting teenagers to the new city library's night opening", subject: ["library"], form: "ad", cast: [["teenager", "teenagers", "teen"]], props: [["library"]] },
  // stories: people, pairs and rivals, folk heroes
  { id: "story-aldar-kose", prompt: "Aldar Kose outwits a greedy bai at the bazaar and wins a fur coat for a freezing shepherd", subject: ["Aldar Kose"], form: "story", characters: ["Aldar Kose"], cast: [["Aldar Kose"], ["bai"], ["shepherd"]], props: [["fur coat", "coat"], ["bazaar"]] },
  { id: "story-rival-chefs", prompt: "Two rival chefs compete to cook the best dumplings at the night market", subject: ["chef"], form: "story", cast: [["chef", "chefs"]], props: [["dumplings", "dumpling"], ["night market", "market"]] },
  { id: "story-gull", prompt: "A lighthouse keeper and a seagull who steals his sandwich", subject: ["seagull"], form: "story", cast: [["keeper"], ["seagull", "gull"]], props: [["sandwich"], ["lighthouse"]] },
  { id: "story-nurse", prompt: "A night nurse named Grace keeps a frightened boy company during a thunderstorm in the children's ward", subject: ["Grace"], form: "story", cast: [["Grace"], ["boy"]], props: [["ward", "hospital"]] },
  { id: "story-nasreddin", prompt: "Nasreddin Hodja rides his donkey backwards through the market to teach the village a lesson", subject: ["Nasreddin"], form: "story", cast: [["Nasreddin Hodja", "Nasreddin"], ["donkey"]], props: [["market"]] },
  { id: "story-anansi", prompt: "Anansi the spider tricks the sky god into giving him all the world's stories", subject: ["Anansi"], form: "story", cast: [["Anansi"], ["sky god", "god"]], props: [["stories", "story"]] },
  { id: "story-magic-pot", prompt: "A poor girl's magic pot will not stop cooking porridge and floods the whole town", subject: ["pot"], form: "story", cast: [["girl"]], props: [["pot"], ["porridge"], ["town"]] },
  { id: "story-birthday-cake", prompt: "Grandma Mei bakes a birthday cake for her grandson, but the cat gets to it first", subject: ["Mei"], form: "story", cast: [["Mei"], ["grandson"], ["cat"]], props: [["cake"]] },
  { id: "story-festival", prompt: "At the lantern festival in Chiang Mai, a shy boy named Niran releases a lantern for his late father", subject: ["Niran"], form: "story", cast: [["Niran"]], props: [["lantern"], ["festival"]] },
  { id: "story-rivals-race", prompt: "Two rival skateboarders, Kofi and Dani, race down the steepest hill in Lisbon", subject: ["Kofi", "Dani"], form: "story", cast: [["Kofi"], ["Dani"]], props: [["skateboard", "skateboards"], ["hill"]] },
  { id: "story-firefighter", prompt: "A firefighter rescues a kitten from the roof of a burning bakery", subject: ["firefighter"], form: "story", cast: [["firefighter"], ["kitten", "cat"]], props: [["roof"], ["bakery"]] },
  { id: "story-astronaut", prompt: "An astronaut on the Moon drops her wedding ring and has to find it before her oxygen runs out", subject: ["astronaut"], form: "story", cast: [["astronaut"]], props: [["ring", "wedding ring"], ["oxygen"]] },
  { id: "story-farmer-crow", prompt: "A farmer builds a scarecrow, but the crows decide it is their new friend", subject: ["scarecrow"], form: "story", cast: [["farmer"], ["crow", "crows"]], props: [["scarecrow"]] },
  { id: "story-elephant", prompt: "A baby elephant loses her mother in a dust storm on the savanna and follows the river to find her", subject: ["elephant"], form: "story", cast: [["elephant"]], props: [["river"]] },
  { id: "story-violin", prompt: "An old street musician in Vienna plays his violin one last time for the girl who sweeps the square", subject: ["violin"], form: "story", cast: [["musician"], ["girl"]], props: [["violin"], ["square"]] },
  { id: "story-taxi", prompt: "A taxi driver named Oluwaseun drives a woman in labour to the hospital through a Lagos traffic jam", subject: ["Oluwaseun"], form: "story", cast: [["Oluwaseun"], ["woman"]], props: [["taxi"], ["hospital"]] },
  { id: "story-penguin", prompt: "A penguin who is afraid of water learns to swim with help from a patient walrus", subject: ["penguin"], form: "story", cast: [["penguin"], ["walrus"]], props: [["water"]] },
  { id: "story-heist", prompt: "Three grandmothers plan a heist to steal back their village's stolen church bell", subject: ["grandmother"], form: "story", cast: [["grandmother", "grandmothers"]], props: [["bell"], ["church"]] },
  { id: "story-kite", prompt: "A boy in Kabul flies a blue kite from the rooftop, and his sister cuts the string of the champion's kite", subject: ["kite"], form: "story", cast: [["boy"], ["sister"]], props: [["kite"], ["rooftop", "roof"]] },
  { id: "story-mailman", prompt: "A mail carrier in a snowed-in Alaskan town delivers the last letter of the year by dog sled", subject: ["letter"], form: "story", cast: [["mail carrier", "carrier"], ["dog", "dogs"]], props: [["letter"], ["sled"]] },
  // explainers: abstract concepts, processes, comparisons
  { id: "explainer-compound", prompt: "Explain how compound interest grows savings over 30 years", subject: ["compound interest"], form: "explainer", props: [["savings"]] },
  { id: "explainer-photosynthesis", prompt: "Explain how photosynthesis turns sunlight, water and air into sugar in a leaf", subject: ["photosynthesis"], form: "explainer", props: [["leaf"], ["sunlight", "sun"]] },
  { id: "explainer-recycling", prompt: "How a plastic bottle gets recycled into a fleece jacket, step by step", subject: ["recycl"], form: "explainer", props: [["bottle"], ["jacket", "fleece"]] },
  { id: "explainer-ev-vs-petrol", prompt: "Electric car vs petrol car: what each really costs to run per year", subject: ["electric car"], form: "explainer", props: [["electric car"], ["petrol car"]] },
  { id: "explainer-bread", prompt: "How to bake sourdough bread: feed the starter, mix the dough, let it rise overnight, then bake at 250 degrees", subject: ["bread", "sourdough"], form: "explainer", props: [["starter"], ["dough"]] },
  { id: "explainer-blockchain", prompt: "Explain what a blockchain is to a grandmother", subject: ["blockchain"], form: "explainer", cast: [["grandmother"]] },
  { id: "explainer-handwash", prompt: "How to wash your hands properly in 20 seconds", subject: ["hands"], form: "explainer", props: [["soap"], ["hands"]] },
  // not English
  { id: "es-faro", prompt: "Un farero y una gaviota que le roba el bocadillo cada mañana en el faro.", subject: ["gaviota", "seagull"], form: "story", lang: "es", cast: [["farero", "keeper"], ["gaviota", "seagull"]], props: [["faro", "lighthouse"], ["bocadillo", "sandwich"]] },
  { id: "es-abuela", prompt: "La abuela Carmen enseña a su nieta Sofía a hacer tortillas en la cocina de su pueblo.", subject: ["Carmen"], form: "story", lang: "es", cast: [["Carmen"], ["Sofía"]], props: [["cocina", "kitchen"]] },
  { id: "fr-boulanger", prompt: "Un boulanger nommé Henri perd sa clé et toute la ville l'aide à ouvrir la boulangerie avant l'aube.", subject: ["Henri"], form: "story", lang: "fr", cast: [["Henri"]], props: [["clé", "key"], ["boulangerie", "bakery"]] },
  { id: "fr-chat", prompt: "Une petite fille et son chat traversent la forêt pour apporter un gâteau à sa grand-mère.", subject: ["chat", "cat"], form: "story", lang: "fr", cast: [["fille", "girl"], ["chat", "cat"]], props: [["gâteau", "cake"], ["forêt", "forest"]] },
  { id: "de-fuchs", prompt: "Ein schlauer Fuchs stiehlt dem Bauern eine Gans und versteckt sie im Wald.", subject: ["Fuchs", "fox"], form: "story", lang: "de", cast: [["Fuchs", "fox"], ["Bauer", "Bauern", "farmer"]], props: [["Gans", "goose"], ["Wald", "forest"]] },
  { id: "de-werbung", prompt: "Werbespot für Blitz, ein Lastenrad für Familien in der Stadt.", subject: ["Blitz"], form: "ad", lang: "de", props: [["Lastenrad", "cargo bike"]] },
  { id: "ru-kot", prompt: "Кот Васька ворует рыбу у старого рыбака на берегу реки.", subject: ["Васька"], form: "story", lang: "ru", cast: [["Васька"], ["рыбак", "рыбака", "fisherman"]], props: [["рыбу", "рыба", "fish"]] },
  { id: "ru-doctor", prompt: "Молодой врач Анна едет на поезде в далёкую деревню, чтобы спасти больную девочку.", subject: ["Анна"], form: "story", lang: "ru", cast: [["Анна"], ["девочку", "девочка", "girl"]], props: [["поезд", "поезде", "train"], ["деревн", "village"]] },
];

/** Every idea: the original 35 and issue 13's additions. */
export const CORPUS: CorpusIdea[] = [...CORPUS_BASE, ...CORPUS_13];
