// Small hand-kept word lists. The embedded planner has no model: what it knows about people,
// places, light and mood lives here. Keep entries lowercase.

export type Gender = "f" | "m" | "n";
export type CharacterKind = "person" | "animal" | "machine" | "creature";

export interface RoleNoun {
  kind: CharacterKind;
  gender: Gender;
  /** Age hint for the look. */
  age?: "child" | "young" | "adult" | "old";
  /** Wardrobe that comes with the role. */
  wardrobe?: string;
  /** Where this character lives when the idea names no place. */
  habitat?: string;
}

export const ROLE_NOUNS: Record<string, RoleNoun> = {
  man: { kind: "person", gender: "m", age: "adult" },
  woman: { kind: "person", gender: "f", age: "adult" },
  girl: { kind: "person", gender: "f", age: "child" },
  boy: { kind: "person", gender: "m", age: "child" },
  kid: { kind: "person", gender: "n", age: "child" },
  child: { kind: "person", gender: "n", age: "child" },
  teenager: { kind: "person", gender: "n", age: "young" },
  baby: { kind: "person", gender: "n", age: "child" },
  mother: { kind: "person", gender: "f", age: "adult" },
  mom: { kind: "person", gender: "f", age: "adult" },
  father: { kind: "person", gender: "m", age: "adult" },
  dad: { kind: "person", gender: "m", age: "adult" },
  wife: { kind: "person", gender: "f", age: "adult" },
  husband: { kind: "person", gender: "m", age: "adult" },
  sister: { kind: "person", gender: "f", age: "young" },
  brother: { kind: "person", gender: "m", age: "young" },
  daughter: { kind: "person", gender: "f", age: "child" },
  son: { kind: "person", gender: "m", age: "child" },
  grandmother: { kind: "person", gender: "f", age: "old", habitat: "a cluttered old house" },
  grandma: { kind: "person", gender: "f", age: "old", habitat: "a cluttered old house" },
  grandfather: { kind: "person", gender: "m", age: "old", habitat: "a cluttered old house" },
  grandpa: { kind: "person", gender: "m", age: "old", habitat: "a cluttered old house" },
  king: { kind: "person", gender: "m", age: "old", wardrobe: "a heavy fur-trimmed mantle and a plain iron crown", habitat: "a cold stone throne hall" },
  queen: { kind: "person", gender: "f", age: "adult", wardrobe: "a deep-blue velvet gown and a thin gold circlet", habitat: "a cold stone throne hall" },
  prince: { kind: "person", gender: "m", age: "young", wardrobe: "a quilted doublet and riding boots", habitat: "a castle courtyard" },
  princess: { kind: "person", gender: "f", age: "young", wardrobe: "a travel-stained riding dress and a short cloak", habitat: "a castle courtyard" },
  knight: { kind: "person", gender: "n", age: "adult", wardrobe: "dented plate armour over a faded tabard", habitat: "a muddy castle yard" },
  witch: { kind: "person", gender: "f", age: "old", wardrobe: "layered black shawls and a necklace of bones and beads", habitat: "a crooked hut at the forest edge" },
  wizard: { kind: "person", gender: "m", age: "old", wardrobe: "a patched midnight-blue robe and a gnarled staff", habitat: "a tower study piled with books" },
  fisherman: { kind: "person", gender: "m", age: "old", wardrobe: "a salt-stained oilskin jacket, cable-knit sweater and rubber boots", habitat: "a grey harbour" },
  fisherwoman: { kind: "person", gender: "f", age: "adult", wardrobe: "a salt-stained oilskin jacket, cable-knit sweater and rubber boots", habitat: "a grey harbour" },
  farmer: { kind: "person", gender: "n", age: "adult", wardrobe: "mud-caked boots, patched canvas overalls and a wide straw hat", habitat: "a windswept farm" },
  shepherd: { kind: "person", gender: "n", age: "adult", wardrobe: "a sheepskin coat, felt hat and a long crook", habitat: "open hill pasture" },
  hunter: { kind: "person", gender: "n", age: "adult", wardrobe: "a fur-lined hooded coat and a quiver across the back", habitat: "a snowbound forest" },
  detective: { kind: "person", gender: "n", age: "adult", wardrobe: "a rumpled trench coat over a loosened tie", habitat: "a rain-slick city street" },
  astronaut: { kind: "person", gender: "n", age: "adult", wardrobe: "a scuffed white EVA suit with mission patches", habitat: "the cramped module of a space station" },
  pilot: { kind: "person", gender: "n", age: "adult", wardrobe: "a worn leather flight jacket and aviator headset", habitat: "a small airfield" },
  sailor: { kind: "person", gender: "n", age: "adult", wardrobe: "a navy peacoat and knitted watch cap", habitat: "the deck of a rolling ship" },
  soldier: { kind: "person", gender: "n", age: "young", wardrobe: "mud-spattered fatigues and a dented helmet", habitat: "a shell-torn field" },
  doctor: { kind: "person", gender: "n", age: "adult", wardrobe: "a white coat over blue scrubs, stethoscope at the neck", habitat: "a busy hospital corridor" },
  nurse: { kind: "person", gender: "n", age: "adult", wardrobe: "teal scrubs and a lanyard of badges", habitat: "a night-shift hospital ward" },
  teacher: { kind: "person", gender: "n", age: "adult", wardrobe: "a cardigan with chalk dust on the sleeves", habitat: "a sunlit classroom" },
  student: { kind: "person", gender: "n", age: "young", wardrobe: "a hoodie and an overstuffed backpack", habitat: "a crowded campus" },
  scientist: { kind: "person", gender: "n", age: "adult", wardrobe: "a lab coat, safety glasses pushed up on the head", habitat: "a cluttered laboratory" },
  chef: { kind: "person", gender: "n", age: "adult", wardrobe: "crisp chef's whites and a striped apron", habitat: "a steaming restaurant kitchen" },
  baker: { kind: "person", gender: "n", age: "adult", wardrobe: "a flour-dusted apron over rolled sleeves", habitat: "a small bakery before dawn" },
  barista: { kind: "person", gender: "n", age: "young", wardrobe: "a canvas apron over a black tee", habitat: "a busy corner café" },
  runner: { kind: "person", gender: "n", age: "young", wardrobe: "a sweat-dark running vest and bright shoes", habitat: "an empty city road at first light" },
  cyclist: { kind: "person", gender: "n", age: "young", wardrobe: "a team jersey and a matte helmet", habitat: "a winding mountain road" },
  dancer: { kind: "person", gender: "n", age: "young", wardrobe: "a loose rehearsal top and worn dance shoes", habitat: "a bare rehearsal studio" },
  musician: { kind: "person", gender: "n", age: "young", wardrobe: "a thrift-store suit jacket and a guitar strap", habitat: "a small smoky club" },
  painter: { kind: "person", gender: "n", age: "adult", wardrobe: "a paint-spattered smock", habitat: "a skylit studio" },
  writer: { kind: "person", gender: "n", age: "adult", wardrobe: "a moth-eaten cardigan and ink-stained fingers", habitat: "a cramped attic study" },
  thief: { kind: "person", gender: "n", age: "young", wardrobe: "a dark hooded jacket and soft-soled shoes", habitat: "moonlit rooftops" },
  monk: { kind: "person", gender: "m", age: "old", wardrobe: "a saffron robe and simple sandals", habitat: "a mountain monastery" },
  nun: { kind: "person", gender: "f", age: "old", wardrobe: "a grey habit and a wooden rosary", habitat: "a quiet convent garden" },
  traveler: { kind: "person", gender: "n", age: "adult", wardrobe: "a dusty travelling cloak and a heavy pack", habitat: "a long empty road" },
  traveller: { kind: "person", gender: "n", age: "adult", wardrobe: "a dusty travelling cloak and a heavy pack", habitat: "a long empty road" },
  stranger: { kind: "person", gender: "n", age: "adult", wardrobe: "a long dark coat with the collar turned up" },
  customer: { kind: "person", gender: "n", age: "adult" },
  camper: { kind: "person", gender: "n", age: "young", wardrobe: "a fleece jacket and a beanie", habitat: "a pine-forest campsite" },
  hiker: { kind: "person", gender: "n", age: "young", wardrobe: "a rain shell and trail boots", habitat: "a mountain trail" },
  gardener: { kind: "person", gender: "n", age: "old", wardrobe: "a wide-brimmed hat and earth-stained gloves", habitat: "an overgrown garden" },
  mechanic: { kind: "person", gender: "n", age: "adult", wardrobe: "grease-streaked coveralls", habitat: "a cluttered garage" },
  programmer: { kind: "person", gender: "n", age: "young", wardrobe: "a faded hoodie and headphones around the neck", habitat: "a late-night desk lit by monitors" },
  developer: { kind: "person", gender: "n", age: "young", wardrobe: "a faded hoodie and headphones around the neck", habitat: "a late-night desk lit by monitors" },
  owner: { kind: "person", gender: "n", age: "adult" },
  friend: { kind: "person", gender: "n", age: "adult" },
  hero: { kind: "person", gender: "n", age: "young" },
  orphan: { kind: "person", gender: "n", age: "child", wardrobe: "a too-big patched coat" },
  giant: { kind: "creature", gender: "n", age: "old", wardrobe: "a tunic of stitched sailcloth" },
  ghost: { kind: "creature", gender: "n", age: "old", wardrobe: "a translucent, trailing burial gown" },
  robot: { kind: "machine", gender: "n", habitat: "a cluttered workshop" },
  android: { kind: "machine", gender: "n", habitat: "a sterile white lab" },
  drone: { kind: "machine", gender: "n" },
  dragon: { kind: "creature", gender: "n", habitat: "a mountain cave littered with bones" },
  alien: { kind: "creature", gender: "n" },
  fairy: { kind: "creature", gender: "f" },
  troll: { kind: "creature", gender: "n", habitat: "the dark under a stone bridge" },
  cat: { kind: "animal", gender: "n", habitat: "a sunlit windowsill" },
  kitten: { kind: "animal", gender: "n", habitat: "a sunlit windowsill" },
  dog: { kind: "animal", gender: "n", habitat: "a small backyard" },
  puppy: { kind: "animal", gender: "n", habitat: "a small backyard" },
  fox: { kind: "animal", gender: "n", habitat: "a frosted birch wood" },
  wolf: { kind: "animal", gender: "n", habitat: "a snowbound forest" },
  bear: { kind: "animal", gender: "n", habitat: "a pine forest" },
  horse: { kind: "animal", gender: "n", habitat: "open grassland" },
  mare: { kind: "animal", gender: "f", habitat: "open grassland" },
  stallion: { kind: "animal", gender: "m", habitat: "open grassland" },
  owl: { kind: "animal", gender: "n", habitat: "a moonlit forest" },
  eagle: { kind: "animal", gender: "n", habitat: "a mountain ridge" },
  crow: { kind: "animal", gender: "n" },
  raven: { kind: "animal", gender: "n" },
  rabbit: { kind: "animal", gender: "n", habitat: "a dewy meadow" },
  hare: { kind: "animal", gender: "n", habitat: "a dewy meadow" },
  mouse: { kind: "animal", gender: "n", habitat: "a crumb-strewn pantry" },
  fish: { kind: "animal", gender: "n", habitat: "green shallow water" },
  whale: { kind: "animal", gender: "n", habitat: "the open ocean" },
  turtle: { kind: "animal", gender: "n", habitat: "a quiet beach" },
  penguin: { kind: "animal", gender: "n", habitat: "an ice shelf" },
  camel: { kind: "animal", gender: "n", habitat: "rolling desert dunes" },
  goat: { kind: "animal", gender: "n", habitat: "a rocky hillside" },
  // kin
  granddaughter: { kind: "person", gender: "f", age: "child" },
  grandson: { kind: "person", gender: "m", age: "child" },
  grandchild: { kind: "person", gender: "n", age: "child" },
  niece: { kind: "person", gender: "f", age: "young" },
  nephew: { kind: "person", gender: "m", age: "young" },
  aunt: { kind: "person", gender: "f", age: "adult" },
  uncle: { kind: "person", gender: "m", age: "adult" },
  cousin: { kind: "person", gender: "n", age: "young" },
  twin: { kind: "person", gender: "n", age: "child" },
  widow: { kind: "person", gender: "f", age: "old" },
  widower: { kind: "person", gender: "m", age: "old" },
  neighbour: { kind: "person", gender: "n", age: "adult" },
  neighbor: { kind: "person", gender: "n", age: "adult" },
  // trades and roles
  keeper: { kind: "person", gender: "n", age: "old", wardrobe: "a heavy navy oilskin coat, a cable-knit sweater and a knitted watch cap", habitat: "a lighthouse on a storm-beaten coast" },
  courier: { kind: "person", gender: "n", age: "young", wardrobe: "a rain-dark cycling jacket, a helmet and a courier bag slung across the back", habitat: "busy city streets" },
  postman: { kind: "person", gender: "m", age: "adult", wardrobe: "a postal jacket and a heavy mail satchel", habitat: "a quiet residential street" },
  postwoman: { kind: "person", gender: "f", age: "adult", wardrobe: "a postal jacket and a heavy mail satchel", habitat: "a quiet residential street" },
  driver: { kind: "person", gender: "n", age: "adult", wardrobe: "a worn bomber jacket and driving gloves", habitat: "a long night road" },
  firefighter: { kind: "person", gender: "n", age: "adult", wardrobe: "soot-streaked turnout gear and a yellow helmet", habitat: "a smoke-filled street" },
  lifeguard: { kind: "person", gender: "n", age: "young", wardrobe: "a red lifeguard vest and a whistle on a cord", habitat: "a windy beach" },
  engineer: { kind: "person", gender: "n", age: "adult", wardrobe: "a hi-vis vest over work clothes and a hard hat", habitat: "a humming plant room" },
  librarian: { kind: "person", gender: "n", age: "adult", wardrobe: "a long cardigan and reading glasses on a chain", habitat: "a hushed old library" },
  ranger: { kind: "person", gender: "n", age: "adult", wardrobe: "a khaki ranger shirt and a wide-brimmed hat", habitat: "a pine forest" },
  miner: { kind: "person", gender: "n", age: "adult", wardrobe: "coal-dusted overalls and a headlamp helmet", habitat: "a dark mine tunnel" },
  waiter: { kind: "person", gender: "m", age: "young", wardrobe: "a white shirt, black waistcoat and apron", habitat: "a busy restaurant" },
  waitress: { kind: "person", gender: "f", age: "young", wardrobe: "a white shirt, black waistcoat and apron", habitat: "a busy restaurant" },
  janitor: { kind: "person", gender: "n", age: "old", wardrobe: "grey work coveralls and a ring of keys", habitat: "an empty school corridor at night" },
  guard: { kind: "person", gender: "n", age: "adult", wardrobe: "a dark uniform and a torch on the belt", habitat: "a locked museum at night" },
  beekeeper: { kind: "person", gender: "n", age: "adult", wardrobe: "a white bee suit with the veil pushed back", habitat: "a hillside apiary" },
  carpenter: { kind: "person", gender: "n", age: "adult", wardrobe: "a canvas apron full of pencils and sawdust", habitat: "a sawdust-filled workshop" },
  tailor: { kind: "person", gender: "n", age: "old", wardrobe: "a waistcoat, shirtsleeves and a tape measure around the neck", habitat: "a narrow tailor's shop" },
  clockmaker: { kind: "person", gender: "n", age: "old", wardrobe: "a leather apron and a jeweller's loupe", habitat: "a ticking clock shop" },
  inventor: { kind: "person", gender: "n", age: "adult", wardrobe: "a singed lab coat and brass goggles", habitat: "a cluttered workshop" },
  explorer: { kind: "person", gender: "n", age: "adult", wardrobe: "a sun-faded field jacket and a battered hat", habitat: "an uncharted jungle" },
  photographer: { kind: "person", gender: "n", age: "young", wardrobe: "a canvas jacket and a camera on a worn strap", habitat: "a busy city street" },
  commuter: { kind: "person", gender: "n", age: "adult", wardrobe: "a smart raincoat and a shoulder bag", habitat: "a rainy city street" },
  climber: { kind: "person", gender: "n", age: "young", wardrobe: "a chalk bag, harness and a bright shell jacket", habitat: "a sheer granite wall" },
  diver: { kind: "person", gender: "n", age: "adult", wardrobe: "a black wetsuit and a mask pushed up on the forehead", habitat: "a blue reef" },
  surfer: { kind: "person", gender: "n", age: "young", wardrobe: "a sun-bleached wetsuit", habitat: "a windy surf beach" },
  skater: { kind: "person", gender: "n", age: "young", wardrobe: "a baggy hoodie and scuffed skate shoes", habitat: "a concrete skate park" },
  mermaid: { kind: "creature", gender: "f", age: "young", wardrobe: "a shell-strung necklace and a long green tail", habitat: "a kelp forest" },
  // more animals
  squirrel: { kind: "animal", gender: "n", habitat: "a park full of oaks" },
  hedgehog: { kind: "animal", gender: "n", habitat: "a leafy garden at night" },
  badger: { kind: "animal", gender: "n", habitat: "a dark wood" },
  deer: { kind: "animal", gender: "n", habitat: "a misty forest clearing" },
  duck: { kind: "animal", gender: "n", habitat: "a reedy pond" },
  frog: { kind: "animal", gender: "n", habitat: "a lily pond" },
  octopus: { kind: "animal", gender: "n", habitat: "a rocky seabed" },
  elephant: { kind: "animal", gender: "n", habitat: "a dusty savanna" },
  lion: { kind: "animal", gender: "n", habitat: "a golden savanna" },
  tiger: { kind: "animal", gender: "n", habitat: "a dense jungle" },
  monkey: { kind: "animal", gender: "n", habitat: "a jungle canopy" },
  pigeon: { kind: "animal", gender: "n", habitat: "a city rooftop" },
  seagull: { kind: "animal", gender: "n", habitat: "a busy harbour" },
  gull: { kind: "animal", gender: "n", habitat: "a busy harbour" },
  donkey: { kind: "animal", gender: "n", habitat: "a dusty village lane" },
  spider: { kind: "animal", gender: "n", habitat: "a web strung between two branches" },
  walrus: { kind: "animal", gender: "n", habitat: "an ice floe" },
  goose: { kind: "animal", gender: "n", habitat: "a farmyard" },
  sheep: { kind: "animal", gender: "n", habitat: "a hill pasture" },
  cow: { kind: "animal", gender: "n", habitat: "a green pasture" },
  pig: { kind: "animal", gender: "n", habitat: "a muddy farmyard" },
  chicken: { kind: "animal", gender: "n", habitat: "a farmyard" },
  hen: { kind: "animal", gender: "f", habitat: "a farmyard" },
  rooster: { kind: "animal", gender: "m", habitat: "a farmyard" },
  parrot: { kind: "animal", gender: "n", habitat: "a jungle canopy" },
  // people the corpus meets: trades, rivals, antagonists
  parent: { kind: "person", gender: "n", age: "adult" },
  vendor: { kind: "person", gender: "n", age: "adult", wardrobe: "a stained apron over a short-sleeved shirt", habitat: "a busy street corner" },
  bai: { kind: "person", gender: "m", age: "old", wardrobe: "a rich embroidered chapan and a tall fur hat", habitat: "a crowded bazaar" },
  merchant: { kind: "person", gender: "n", age: "adult", wardrobe: "a long embroidered coat", habitat: "a crowded bazaar" },
  trickster: { kind: "person", gender: "n", age: "young" },
  god: { kind: "creature", gender: "m", age: "old", wardrobe: "robes of cloud and a crown of light", habitat: "a throne above the clouds" },
  skateboarder: { kind: "person", gender: "n", age: "young", wardrobe: "a baggy hoodie and scuffed skate shoes", habitat: "a steep city street" },
  carrier: { kind: "person", gender: "n", age: "adult", wardrobe: "a padded uniform parka and a mailbag", habitat: "a snowy main street" },
  scarecrow: { kind: "creature", gender: "n", wardrobe: "a straw-stuffed shirt and a battered hat", habitat: "a wheat field" },
  vet: { kind: "person", gender: "n", age: "adult", wardrobe: "green scrubs", habitat: "a small animal clinic" },
  grandmothers: { kind: "person", gender: "f", age: "old" },
};

/** Adjectives that make a role noun a better name ("old fisherman", "little girl"). */
export const NAME_ADJECTIVES = new Set([
  "old", "young", "little", "small", "tiny", "big", "giant", "lonely", "brave", "shy", "clumsy", "greedy", "kind", "wise", "blind", "lost", "grey", "gray", "black", "white", "red", "ginger", "stray", "orange", "golden", "silver", "retired", "tired", "curious", "talking", "ancient", "rusty",
]);

export const TIMES_OF_DAY: ReadonlyArray<readonly [RegExp, string]> = [
  [/\b(dawn|daybreak|sunrise|first light)\b|amanecer|madrugada|morgengrauen|sonnenaufgang|рассвет|заря|таң|夜明け|明け方|aube/i, "dawn"],
  [/\b(morning)\b|mañana|morgens?\b|утр|таңерт|朝|matin/i, "morning"],
  [/\b(noon|midday)\b|mediodía|mittag|полдень|正午|midi/i, "midday"],
  [/\b(afternoon)\b|tarde\b|nachmittag|днём|днем|午後|après-midi/i, "afternoon"],
  [/\b(golden hour|sunset|dusk|twilight)\b|atardecer|crepúsculo|abenddämmerung|sonnenuntergang|закат|сумерк|кеш|夕方|夕暮れ|夕日|crépuscule/i, "dusk"],
  [/\b(evening)\b|\babend\b|вечер|晩|soir/i, "evening"],
  [/\b(night|midnight|nighttime|moonlit|moonlight)\b|noche|medianoche|\bnacht|mitternacht|ночь|ночью|полночь|түн|夜|nuit/i, "night"],
];

export const WEATHER: ReadonlyArray<readonly [RegExp, string]> = [
  [/\b(snow|snowy|snowbound|blizzard|frozen|frost|icy|winter)\b|nieve|invierno|schnee|winter|снег|зим|мороз|қыс|қар|雪|冬/i, "snow"],
  [/\b(rain|rainy|storm|stormy|thunder|downpour|flood|flooded|flooding)\b|lluvia|tormenta|regen|sturm|дожд|гроз|буря|жаңбыр|雨|嵐/i, "rain"],
  [/\b(fog|foggy|mist|misty|haze)\b|niebla|nebel|туман|霧/i, "fog"],
  [/\b(desert|heatwave|heat haze|scorching|summer|sun-baked|dunes?)\b|desierto|verano|wüste|sommer|пустын|жар|лет|шөл|砂漠|夏/i, "heat"],
  [/\b(autumn|fall leaves|harvest)\b|otoño|herbst|осен|күз|秋/i, "autumn"],
];

/** Words that make a noun a place. */
export const PLACE_NOUNS = new Set([
  "steppe", "desert", "forest", "wood", "woods", "jungle", "mountain", "mountains", "hill", "hills", "valley", "river", "lake", "sea", "ocean", "beach", "shore", "coast", "harbour", "harbor", "port", "island", "bay", "cliff", "cliffs", "cave", "glacier", "tundra", "meadow", "field", "fields", "farm", "village", "town", "city", "street", "streets", "alley", "road", "highway", "bridge", "square", "market", "bazaar", "station", "airport", "train", "subway", "metro", "bus", "car", "ship", "boat", "house", "home", "apartment", "flat", "room", "kitchen", "bedroom", "attic", "basement", "cellar", "garden", "backyard", "yard", "garage", "office", "studio", "workshop", "factory", "warehouse", "lab", "laboratory", "hospital", "school", "classroom", "campus", "library", "museum", "church", "temple", "monastery", "castle", "palace", "tower", "dungeon", "court", "courtyard", "throne", "hall", "stadium", "gym", "track", "park", "playground", "cafe", "café", "restaurant", "bar", "diner", "shop", "store", "bakery", "kitchen", "rooftop", "roof", "balcony", "tent", "campsite", "camp", "trail", "path", "planet", "moon", "space", "station", "spaceship", "orbit", "wasteland", "ruins", "swamp", "marsh", "canyon", "dunes", "prairie", "plain", "plains", "savanna", "pasture", "lighthouse", "pier", "hut", "cottage", "cabin", "shack", "tavern", "inn", "hotel", "motel", "classroom", "cathedral", "mosque", "barn", "stable", "orchard", "vineyard", "volcano", "reef", "ice", "fjord", "oasis", "dock", "mine", "tunnel", "quarry", "yurt", "arena", "stage", "kingdom", "bus stop", "stop", "platform", "corner", "bench", "porch", "doorstep",  "theatre", "theater", "club", "party", "wedding", "funeral", "festival",
]);

export const PLACE_PREPOSITIONS = new Set(["in", "at", "on", "across", "through", "into", "inside", "under", "over", "along", "near", "beside", "above", "below", "around", "onto", "toward", "towards", "to", "from", "within", "beneath", "atop", "past", "by"]);

/** Mood cues: idea words → mood keywords. */
export const MOOD_CUES: ReadonlyArray<readonly [RegExp, readonly string[]]> = [
  [/\b(dark|darker|darkness|fear\w*|afraid|ghosts?|haunt\w*|monsters?|scream\w*|blood\w*|dead|death|kills?|killed|murder\w*|horror|creep\w*|shadows?|victim)\b/i, ["ominous", "tense"]],
  [/\b(love\w*|kiss\w*|heart|romance|romantic|wedding|tender|embrace\w*)\b/i, ["tender", "romantic"]],
  [/\b(funny|silly|laugh\w*|jokes?|clumsy|goofy|chaos|chaotic|prank\w*)\b/i, ["playful", "comic"]],
  [/\b(race|races|racing|speed|fast|energy|sports?|win|wins|jump\w*|rush\w*|sprint\w*|running|runner|marathon)\b/i, ["kinetic", "driven"]],
  [/\b(calm|quiet|peace\w*|stillness|gentle|slow|meditat\w*|breathe|tea)\b/i, ["serene", "unhurried"]],
  [/\b(battle|war|army|armies|epic|empire|legend\w*|kings?|queens?|swords?|siege)\b/i, ["epic", "grave"]],
  [/\b(lost|loss|grief|grieving|sad|sadness|alone|lonely|tears|cry|cries|miss|misses|funeral|goodbye)\b/i, ["melancholy", "wistful"]],
  [/\b(magic\w*|dragons?|wish|wishes|fairy|fairies|spells?|wonder|dreams?|enchant\w*|spirits?|myths?|folk|legend)\b/i, ["wondrous", "mythic"]],
  [/\b(future|futuristic|robots?|space|neon|cyber\w*|tech|ai|apps?|digital|data|software)\b/i, ["sleek", "modern"]],
  [/\b(cold|frozen|winter|snow\w*|ice|icy|steppe|tundra|blizzard)\b/i, ["stark", "austere"]],
  [/\b(hope|hopeful|home|family|friends?|together|warm|cozy|cosy|kindness)\b/i, ["warm", "hopeful"]],
  [/\b(storm\w*|danger\w*|escape\w*|hunt\w*|trap\w*|chase\w*|fight\w*)\b/i, ["urgent", "tense"]],
  [/\b(coffee|morning|sunrise|fresh|bright|summer|joy\w*|happy|celebrat\w*|party)\b/i, ["bright", "upbeat"]],
];

/** Colour words in an idea → hex, so "red sneakers" puts red in the palette. */
export const COLOUR_WORDS: Record<string, string> = {
  red: "#c62f2f", crimson: "#b3123a", scarlet: "#d3281f", orange: "#e2711d", amber: "#f0a202", yellow: "#f2c230", gold: "#c9a227", golden: "#d4a72c", green: "#3f8f4f", emerald: "#17885a", olive: "#6f7a32", teal: "#1f7f86", turquoise: "#33b5b5", blue: "#2f5fa7", navy: "#1b2a4a", indigo: "#3f2e82", purple: "#6c3b9c", violet: "#8a5cc4", pink: "#e07aa0", magenta: "#c2307a", brown: "#6b4327", grey: "#7a7f86", gray: "#7a7f86", silver: "#b8bcc2", black: "#1c1c1e", white: "#f3f1ea", copper: "#b66a34", mint: "#8fd6b4", coral: "#f0735a",
};

/** Words that mark an idea as an ad / an explainer (several languages, lowercase match). */
export const AD_CUES =
  /\b(ad|ads|advert|advertisement|advertising|commercial|promo|promotional|spot|launch|launching|introducing|buy|sale|brand|product|tagline|slogan|campaign|cta|shop now|order now|download|sponsor)\b|anuncio|publicidad|comercial\b|werbung|werbespot|реклам|жарнама|広告|コマーシャル|publicité|pubblicità/i;
export const EXPLAINER_CUES =
  /^\s*(how|why|what)\b|\b(explain|explains|explained|explainer|how to|how do|how does|how is|how are|how it works|why do|why does|why is|guide|tutorial|walkthrough|step[- ]by[- ]step|steps to|learn how|learn to|teach (?:me|you|us|kids|children|people|how)|lesson (?:on|about|in)|introduction to|what is|what are|vs\.?|versus|compared (?:to|with)|comparison|what each)\b|explica|cómo\b|por qué|erklär|wie funktioniert|anleitung|объясн|как работает|почему|түсіндір|説明|仕組み|方法|expliquer|comment/i;

/** A sentence about the video rather than in it. */
export const META_SENTENCE =
  /^(?:an?\s+)?(?:[\w-]+\s+){0,2}(?:guide|tutorial|explainer|introduction|walkthrough|primer)\s+(?:to|on|about|for|of)\b|^(?:an?\s+)?(?:\d+[- ]?(?:second|sec|s|minute|min)s?[- ]?)?(?:ad|advert|advertisement|commercial|spot|promo|launch spot|launch film|product launch|explainer|video|short film|story|tale|anuncio|werbespot|реклама)\b[^.!?]{0,20}?\b(?:for|about|of|on|para|für|für)\b|\b(\d+[- ]?(second|sec|s|minute|min)\b|(an?|the)\s+(ad|advert|commercial|spot|promo|video|film|short|explainer|storyboard|animatic|story|tale|fable|trailer)\s+(for|about|of|on|explaining|showing|where|in which)|make (an?|the)\s+\w+|storyboard)/i;

export const CTA_SENTENCE =
  /\b(buy|order|download|visit|sign up|subscribe|available|get yours|try it|shop|pre-?order|in stores|app store|today|now on|\.com|www\.|tagline|slogan|join us|learn more|call us|book now|sale starts|on sale|from \$|only \$)\b|\.[a-z]{2,4}\b/i;

/** Sentence-initial capitalised words that are not names. */
export const NOT_NAMES = new Set([
  "a", "an", "the", "this", "that", "these", "those", "it", "its", "he", "she", "they", "we", "i", "you", "his", "her", "their", "our", "my", "your", "one", "then", "when", "while", "after", "before", "suddenly", "finally", "later", "meanwhile", "but", "and", "so", "as", "in", "on", "at", "with", "without", "every", "each", "all", "some", "no", "there", "here", "now", "today", "tonight", "tomorrow", "yesterday", "once", "long", "soon", "first", "next", "last", "at", "explain", "show", "make", "create", "introducing", "meet", "imagine", "how", "why", "what", "who", "where", "open", "close", "cut", "fade", "ad", "story", "video", "spot", "step", "super", "vo", "cta", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "god", "ok", "okay", "something", "anything", "nothing", "everything", "someone", "sale", "sales", "price", "offer", "deal", "discount", "shipping", "delivery", "launch", "product", "order", "everyone", "nobody", "somebody", "everybody", "tagline", "slogan", "commercial", "first", "finally", "pour", "serve", "bloom", "heat", "rinse", "add", "stir", "mix", "wait", "repeat", "yes", "hello", "hi", "tv", "ai", "diy", "usa", "uk", "eu",
  // common non-English sentence starters and words
  "el", "la", "los", "las", "un", "una", "unos", "unas", "y", "en", "de", "del", "con", "por", "para", "cuando", "pero", "luego", "después", "der", "die", "das", "ein", "eine", "einen", "und", "mit", "im", "am", "als", "dann", "aber", "wenn", "le", "les", "une", "des", "et", "il", "elle", "ils", "puis", "mais", "quand",
  "он", "она", "они", "и", "в", "на", "с", "когда", "но", "потом", "однажды", "это", "ол", "бір", "және", "мен", "күні", "кейін", "бірақ",
]);

/** English function words, for telling English from other languages written in Latin script. */
export const ENGLISH_WORDS = new Set(["the", "a", "an", "and", "of", "to", "in", "with", "is", "are", "for", "on", "her", "his", "their", "who", "that", "at", "from", "by", "it", "as", "into", "how", "what", "why", "finds", "has", "was"]);

/**
 * A few people and places in the languages people most often type ideas in, so a Spanish, German,
 * Russian, Kazakh or Japanese idea still gets a designed hero and a place for the staging notes.
 * Matched against whole words (Latin, Cyrillic) or substrings (Japanese, Chinese).
 */
export const FOREIGN_WORDS: ReadonlyArray<readonly [RegExp, { role?: string; age?: "child" | "young" | "adult" | "old"; place?: string }]> = [
  // Spanish
  [/^niñ[ao]s?$/i, { role: "girl" }],
  [/^chic[ao]$/i, { role: "kid" }],
  [/^abuel[ao]$/i, { role: "grandmother" }],
  [/^pescador$/i, { role: "fisherman" }],
  [/^herman[o]$/i, { role: "brother" }],
  [/^hermana$/i, { role: "sister" }],
  [/^gat[ao]$/i, { role: "cat" }],
  [/^perr[ao]$/i, { role: "dog" }],
  [/^(rey|reina)$/i, { role: "king" }],
  [/^(desván|ático)$/i, { place: "the attic" }],
  [/^(bosque)$/i, { place: "the forest" }],
  [/^(mar|océano)$/i, { place: "the sea" }],
  [/^(playa)$/i, { place: "the beach" }],
  [/^(pueblo|aldea)$/i, { place: "the village" }],
  [/^(ciudad)$/i, { place: "the city" }],
  [/^(montaña|montañas)$/i, { place: "the mountains" }],
  [/^(cocina)$/i, { place: "the kitchen" }],
  // German
  [/^mädchen$/i, { role: "girl" }],
  [/^junge$/i, { role: "boy" }],
  [/^(großmutter|oma)$/i, { role: "grandmother" }],
  [/^(großvater|opa)$/i, { role: "grandfather" }],
  [/^fischer$/i, { role: "fisherman" }],
  [/^bäcker(in)?$/i, { role: "baker" }],
  [/^bruder$/i, { role: "brother" }],
  [/^schwester$/i, { role: "sister" }],
  [/^(katze|kater)$/i, { role: "cat" }],
  [/^hund$/i, { role: "dog" }],
  [/^roboter$/i, { role: "robot" }],
  [/^wald(es)?$/i, { place: "the forest" }],
  [/^(meer|see)$/i, { place: "the sea" }],
  [/^dorf$/i, { place: "the village" }],
  [/^stadt$/i, { place: "the city" }],
  [/^(berg|berge|bergen)$/i, { place: "the mountains" }],
  [/^küche$/i, { place: "the kitchen" }],
  [/^(dachboden)$/i, { place: "the attic" }],
  [/^(bäckerei)$/i, { place: "the bakery" }],
  // Russian
  [/^стар(ик|ика|ику)$/i, { role: "man", age: "old" }],
  [/^старух[аи]$/i, { role: "woman", age: "old" }],
  [/^девочк[аи]$/i, { role: "girl" }],
  [/^мальчик[а]?$/i, { role: "boy" }],
  [/^бабушк[аи]$/i, { role: "grandmother" }],
  [/^рыбак$/i, { role: "fisherman" }],
  [/^брат[а]?$/i, { role: "brother" }],
  [/^сестр[аы]$/i, { role: "sister" }],
  [/^(кот|кошка)$/i, { role: "cat" }],
  [/^(собака|пёс)$/i, { role: "dog" }],
  [/^(царь|король)$/i, { role: "king" }],
  [/^мор[еяю]$/i, { place: "the sea" }],
  [/^лес[ау]?$/i, { place: "the forest" }],
  [/^(деревн[яеи])$/i, { place: "the village" }],
  [/^(город[а]?)$/i, { place: "the city" }],
  [/^(степ[ьи])$/i, { place: "the steppe" }],
  // Kazakh
  [/^қыз$/i, { role: "girl" }],
  [/^бала$/i, { role: "kid" }],
  [/^(шал|қария)$/i, { role: "man", age: "old" }],
  [/^әже$/i, { role: "grandmother" }],
  [/^(ат|бие\S*)$/i, { role: "mare" }],
  [/^(дала|даланы|далада)$/i, { place: "the steppe" }],
  [/^(тау|таулар)$/i, { place: "the mountains" }],
  [/^(ауыл|ауылда)$/i, { place: "the village" }],
  [/^(теңіз)$/i, { place: "the sea" }],
  // Japanese / Chinese (substrings)
  [/少女|女の子|女孩/, { role: "girl" }],
  [/少年|男の子|男孩/, { role: "boy" }],
  [/老人|おじいさん|老爷爷/, { role: "man", age: "old" }],
  [/おばあさん|祖母|奶奶/, { role: "grandmother" }],
  [/漁師|渔夫/, { role: "fisherman" }],
  [/猫|ねこ/, { role: "cat" }],
  [/犬|いぬ|狗/, { role: "dog" }],
  [/ロボット|机器人/, { role: "robot" }],
  [/灯台|灯塔/, { place: "an old lighthouse" }],
  [/海/, { place: "the sea" }],
  [/森|森林/, { place: "the forest" }],
  [/山/, { place: "the mountains" }],
  [/村/, { place: "the village" }],
  [/駅|车站/, { place: "the station" }],
  [/東京|都市|城市/, { place: "the city" }],
];
