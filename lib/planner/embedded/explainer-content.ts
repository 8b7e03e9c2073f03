import type { Diagram } from "../schema";
import { compoundSeries, comparisonDiagram, formatNumber, growthCurve, growthFacts, money, stepsDiagram, yearMarks } from "./diagrams";

// What an explainer actually explains: a question, the mechanism in steps, an example with
// numbers, a takeaway. Known topics carry their own steps and (computed) numbers; otherwise the
// idea's own steps ("First… Then…", "feed the starter, mix the dough…") or its "X vs Y".

export interface ExplainerCard {
  text: string;
  /** What the frame shows, in nouns the renderer can draw. */
  visual: string;
  diagram: Diagram | null;
  notes: string | null;
}

export interface ExplainerContent {
  question: ExplainerCard;
  steps: ExplainerCard[];
  example: ExplainerCard;
  takeaway: ExplainerCard;
}

interface Step {
  label: string;
  text: string;
  visual: string;
}

interface Known {
  test: RegExp;
  title: string;
  question: string;
  questionVisual: string;
  steps: Step[];
  example: (text: string) => ExplainerCard;
  takeaway: string;
}

const KNOWN: Known[] = [
  {
    test: /\bphotosynthes/i,
    title: "Photosynthesis",
    question: "How does a leaf turn sunlight, water and air into sugar?",
    questionVisual: "a single green leaf in sunlight, a question mark beside it",
    steps: [
      { label: "Sunlight reaches the leaf", text: "Sunlight falls on the leaf; the green chlorophyll inside soaks it up.", visual: "sunlight rays hitting a green leaf" },
      { label: "Roots bring up water", text: "Roots pull water up the stem and into the leaf.", visual: "roots and a stem carrying water up to a leaf" },
      { label: "The leaf takes in carbon dioxide", text: "Tiny pores under the leaf breathe in carbon dioxide from the air.", visual: "close-up cutaway of leaf pores taking in air" },
      { label: "Chlorophyll makes sugar", text: "In the chloroplasts the light's energy joins water and carbon dioxide into sugar.", visual: "labelled cutaway of a leaf cell, chloroplasts glowing" },
      { label: "Oxygen is let out", text: "What is left over — oxygen — drifts out of the leaf into the air.", visual: "oxygen bubbles leaving a leaf" },
    ],
    example: () => ({
      text: "In numbers: 6 carbon dioxide + 6 water + light → 1 sugar + 6 oxygen. Every sugar molecule frees six of oxygen.",
      visual: "labelled diagram of the photosynthesis equation beside a leaf",
      diagram: comparisonDiagram("What goes in, what comes out (molecules)", ["carbon dioxide in", "water in", "sugar out", "oxygen out"], [6, 6, 1, 6], null, 3),
      notes: "Super: 6 CO₂ + 6 H₂O + light → C₆H₁₂O₆ + 6 O₂",
    }),
    takeaway: "Every leaf is a small sugar factory that runs on sunlight — and breathes out the oxygen we breathe in.",
  },
  {
    test: /\b(plastic )?bottles?\b.*\brecycl|\brecycl\w*\b.*\bbottles?\b/i,
    title: "From bottle to fleece",
    question: "How does a plastic bottle become a fleece jacket?",
    questionVisual: "a plastic bottle beside a folded fleece jacket",
    steps: [
      { label: "Collect and sort", text: "The empty plastic bottle goes in the recycling bin and is sorted from the glass and cans.", visual: "a plastic bottle dropping into a recycling bin" },
      { label: "Wash and shred", text: "Bottles are washed, labels stripped, and shredded into small clear flakes.", visual: "plastic flakes pouring out of a shredder" },
      { label: "Melt and spin", text: "The flakes are melted and pushed through tiny holes, spinning out long polyester threads.", visual: "molten plastic spun into threads by a machine" },
      { label: "Knit and brush", text: "The threads are knitted into fabric and brushed soft into fleece.", visual: "a knitting machine turning threads into fleece fabric" },
      { label: "Sew the jacket", text: "The fleece is cut and sewn into a jacket.", visual: "a sewing machine stitching a fleece jacket" },
    ],
    example: () => ({
      text: "In numbers: about 25 two-litre plastic bottles make one fleece jacket.",
      visual: "a row of 25 plastic bottles next to one fleece jacket",
      diagram: comparisonDiagram("Bottles per fleece jacket", ["plastic bottles", "fleece jacket"], [25, 1], null, 0),
      notes: 'Super: "≈ 25 bottles = 1 jacket"',
    }),
    takeaway: "The bottle you throw away today can keep someone warm next winter — if it goes in the right bin.",
  },
  {
    test: /\bvaccin/i,
    title: "How vaccines work",
    question: "How does a vaccine teach the body to fight a germ it has never met?",
    questionVisual: "a vaccine syringe beside an outline of a human body",
    steps: [
      { label: "A harmless piece of the germ", text: "The vaccine shows the body a harmless piece of the germ — a wanted poster, not the criminal.", visual: "a syringe and a germ wanted poster" },
      { label: "Immune cells study it", text: "Immune cells find the piece and learn its shape.", visual: "immune cells gathering around a germ fragment" },
      { label: "Antibodies are made", text: "The body makes antibodies that fit that shape like a key in a lock.", visual: "Y-shaped antibodies locking onto a germ" },
      { label: "Memory cells remember", text: "Memory cells keep the pattern for years.", visual: "memory cells filing away the germ's outline" },
      { label: "The real germ is stopped", text: "When the real germ arrives, the body recognises it and stops it fast.", visual: "antibodies swarming a real germ" },
    ],
    example: () => ({
      text: "In numbers (illustrative): antibodies rise over about two weeks after the shot, then settle, while memory cells stay.",
      visual: "line chart of antibody level over four weeks",
      diagram: { kind: "line-chart", title: "Antibody level after a vaccine (illustrative)", labels: ["day 0", "day 7", "day 14", "day 21", "day 28"], values: [0, 35, 100, 85, 70], unit: "%", highlight: 2 },
      notes: null,
    }),
    takeaway: "A vaccine is a rehearsal: the body learns the fight before the real one.",
  },
  {
    test: /\bheat pump/i,
    title: "How a heat pump works",
    question: "How can a machine warm a house with heat taken from cold winter air?",
    questionVisual: "a house in snow with a heat pump unit outside",
    steps: [
      { label: "Soak up outdoor heat", text: "Outside, a cold refrigerant soaks up heat from the winter air — even at freezing, the air holds some.", visual: "heat pump fan unit drawing in cold air beside a snowy house" },
      { label: "Compress it hot", text: "A compressor squeezes the refrigerant until it is hot.", visual: "cutaway of a compressor squeezing refrigerant" },
      { label: "Release heat indoors", text: "Indoors, the hot refrigerant gives its heat to radiators and warm air.", visual: "a radiator glowing warm in a living room" },
      { label: "Expand and repeat", text: "It expands, turns cold again, and goes back outside for more.", visual: "loop diagram of refrigerant pipes between outdoors and indoors" },
    ],
    example: () => ({
      text: "In numbers: 1 kWh of electricity moves about 3 kWh of heat into the house.",
      visual: "bar chart comparing electricity in and heat out",
      diagram: comparisonDiagram("Energy in vs heat delivered", ["electricity in", "heat delivered"], [1, 3], "kWh", 1),
      notes: 'Super: "1 kWh in → 3 kWh of heat"',
    }),
    takeaway: "A heat pump does not make heat — it moves it, which is why it needs so little power.",
  },
  {
    test: /\bsolar panels?\b/i,
    title: "Solar panels",
    question: "How does sunlight on the roof become electricity in the kitchen?",
    questionVisual: "a house with solar panels on the roof under the sun",
    steps: [
      { label: "Sunlight hits the cells", text: "Sunlight hits the silicon cells of the solar panels on the roof.", visual: "sunlight rays hitting solar panels on a roof" },
      { label: "Electrons start to flow", text: "The light knocks electrons loose, and they flow as direct current.", visual: "labelled cutaway of a solar cell with electrons moving" },
      { label: "The inverter converts it", text: "An inverter turns that direct current into the alternating current the home uses.", visual: "an inverter box on a garage wall with cables" },
      { label: "Power reaches the home", text: "The electricity runs the fridge, the lights and the kettle; the surplus goes to the grid.", visual: "a kitchen with a kettle and lights on, cable from the roof" },
    ],
    example: () => {
      const kwh = 4 * 4 * 365;
      return {
        text: `In numbers: a 4 kW roof array × 4 sun-hours a day × 365 days ≈ ${formatNumber(kwh)} kWh a year.`,
        visual: "bar chart of yearly electricity from a 4 kW solar roof",
        diagram: comparisonDiagram("Yearly output of a 4 kW roof (4 sun-hours a day)", ["per day", "per month", "per year"], [16, Math.round(kwh / 12), kwh], "kWh", 2),
        notes: null,
      };
    },
    takeaway: "Every sunny hour on the roof is electricity you do not have to buy.",
  },
  {
    test: /\bsky\b.*\bblue\b|\bblue\b.*\bsky\b/i,
    title: "Why the sky is blue",
    question: "Why is the sky blue and not white, like sunlight?",
    questionVisual: "a child looking up at a blue sky with the sun",
    steps: [
      { label: "Sunlight holds every colour", text: "Sunlight looks white, but it holds every colour of the rainbow.", visual: "a prism splitting sunlight into a rainbow" },
      { label: "Light hits air molecules", text: "On its way down, sunlight bumps into tiny molecules of air.", visual: "sunlight rays bouncing off tiny air molecules" },
      { label: "Blue bounces most", text: "Short blue waves bounce off them much more than long red waves.", visual: "blue light scattering in every direction, red light passing straight" },
      { label: "Blue reaches our eyes from everywhere", text: "That scattered blue comes at our eyes from the whole sky.", visual: "a child under a sky full of blue light arrows" },
    ],
    example: () => {
      const ratio = Math.round((700 / 450) ** 4 * 10) / 10;
      return {
        text: `In numbers: blue light (450 nm) scatters about ${ratio} times more than red light (700 nm).`,
        visual: "bar chart of blue light against red light scattering",
        diagram: comparisonDiagram("How much each colour scatters", ["blue light", "red light"], [ratio, 1], "×", 0),
        notes: null,
      };
    },
    takeaway: "The sky is blue because air throws blue light around the most — and at sunset, the red that is left shows.",
  },
  {
    test: /\bwash\w* (your |the )?hands\b|\bhand ?wash/i,
    title: "Washing your hands",
    question: "How do you wash your hands properly — and why does it take 20 seconds?",
    questionVisual: "a pair of hands at a sink with soap",
    steps: [
      { label: "Wet your hands", text: "Wet your hands under clean running water.", visual: "hands under a running tap" },
      { label: "Add soap", text: "Add soap and rub your palms together until it lathers.", visual: "hands lathering soap" },
      { label: "Scrub for 20 seconds", text: "Scrub the backs, between the fingers and under the nails — about 20 seconds.", visual: "soapy hands scrubbing between the fingers" },
      { label: "Rinse", text: "Rinse the soap and dirt off under the water.", visual: "hands rinsing under a tap" },
      { label: "Dry", text: "Dry your hands on a clean towel.", visual: "hands drying on a towel" },
    ],
    example: () => ({
      text: "In numbers: 20 seconds is two rounds of “Happy Birthday” — long enough for the soap to lift germs off the skin.",
      visual: "timeline of 20 seconds of scrubbing with soap",
      diagram: { kind: "timeline", title: "20 seconds with soap", labels: ["0 s: soap", "5 s: palms", "10 s: backs", "15 s: fingers", "20 s: rinse"], values: null, unit: null, highlight: 4 },
      notes: null,
    }),
    takeaway: "Wet, soap, scrub 20 seconds, rinse, dry — every time.",
  },
  {
    test: /\bblockchain/i,
    title: "What a blockchain is",
    question: "What is a blockchain, in plain words?",
    questionVisual: "a notebook of pages linked by chains",
    steps: [
      { label: "A page of transactions", text: "A block is a page in a shared notebook: a list of who paid whom.", visual: "a notebook page listing payments" },
      { label: "Everyone keeps a copy", text: "Thousands of computers keep the same notebook, so no one person owns it.", visual: "many laptops each holding the same notebook" },
      { label: "Each page is sealed to the last", text: "Each new page carries a fingerprint of the page before it — a chain of seals.", visual: "notebook pages linked by a chain with wax seals" },
      { label: "Changing the past breaks the chain", text: "Change an old page and every seal after it breaks, so everyone can see the cheat.", visual: "a broken chain between notebook pages" },
    ],
    example: () => ({
      text: "In numbers: Bitcoin adds a new block about every 10 minutes — about 144 pages a day.",
      visual: "bar chart of blocks per hour and per day",
      diagram: comparisonDiagram("New blocks (about one every 10 minutes)", ["per hour", "per day"], [6, 144], null, 1),
      notes: null,
    }),
    takeaway: "A blockchain is a notebook everyone shares and no one can quietly rewrite.",
  },
];

const COST_VS = /^(.+?)\s+(?:vs\.?|versus|or|compared (?:to|with))\s+(.+?)(?::|\?|$)/i;

/** The explainer's content, or null when the idea gives nothing to build it from. */
export function explainerContent(text: string, topic: string | null): ExplainerContent | null {
  const growth = growthFacts(text);
  if (growth && /\b(interest|compound|savings?|invest)/i.test(text)) return compoundContent(growth, text);
  const known = KNOWN.find((k) => k.test.test(text));
  if (known) return knownContent(known, text);
  const ev = /\belectric (car|vehicle)s?\b.*\b(petrol|gas(oline)?|diesel)\b|\b(petrol|gas(oline)?|diesel)\b.*\belectric (car|vehicle)/i.test(text);
  if (ev) return evContent();
  const steps = ownSteps(text);
  if (steps.length >= 2) return stepsContent(text, topic, steps);
  const vs = COST_VS.exec(text.replace(/^(explain|compare)\s+/i, ""));
  if (vs?.[1] && vs[2] && /\bvs\.?\b|versus|compared/i.test(text)) return compareContent(vs[1], vs[2]);
  const action = topicAction(topic);
  if (action) return actionContent(action);
  return null;
}

interface TopicAction {
  /** "the dishwasher" */
  subject: string;
  /** "clean" (base) and "cleans" (agreeing with the subject). */
  verb: string;
  verbs: string;
  /** "the plates" (its head noun only), or null ("how a bicycle gear works"). */
  object: string | null;
  /** What follows the object ("cold" in "keep food cold"). */
  complement: string | null;
  plural: boolean;
}

const NOT_VERBS = /^(is|are|was|were|be|been|it|its|this|that|there|so|too|very|really|actually|exactly|why|when|what)$/i;
/** Verbs whose object is what comes out ("bees make honey"), not what goes in. */
const MAKING = /^(make|produce|build|grow|brew|bake|print|generate|create|form|spin|weave|brew|cook)$/;

/** "how a dishwasher cleans plates" → the dishwasher / clean / the plates; null when no verb reads out. */
export function topicAction(topic: string | null): TopicAction | null {
  if (!topic) return null;
  const t = topic.replace(/[?.!]+$/, "").trim();
  const m = /^how\s+(?:(does|do)\s+)?(.+)$/i.exec(t);
  if (!m?.[2]) return null;
  const words = m[2].split(/\s+/).filter(Boolean);
  if (words.length < 2 || words.length > 9) return null;
  const article = /^(a|an|the)$/i.test(words[0]!) ? 1 : 0;
  // "does a fridge keep food cold": the verb follows a one-word subject; "a dishwasher cleans
  // plates": the first -s word after the subject's head.
  const v = m[1] ? article + 1 : words.findIndex((w, i) => i > article && /^[a-z]+[^s]s$|^[a-z]+(ches|shes|sses|xes|oes)$/.test(w) && !NOT_VERBS.test(w));
  const verbWord = words[v];
  if (v < 1 || !verbWord || NOT_VERBS.test(verbWord) || !/^[a-z]+$/.test(verbWord)) return null;
  const subjectWords = words.slice(article, v);
  if (subjectWords.length === 0 || subjectWords.length > 3) return null;
  const head = subjectWords[subjectWords.length - 1]!;
  const plural = m[1] ? m[1].toLowerCase() === "do" : false;
  const base = m[1] ? verbWord : verbWord.replace(/(ches|shes|sses|xes|oes)$/, (e) => e.slice(0, -2)).replace(/ies$/, "y").replace(/s$/, "");
  const rest = words.slice(v + 1);
  const det = rest[0] && /^(the|a|an|your|our|their|his|her|its)$/i.test(rest[0]) ? 1 : 0;
  const objectWord = rest[det];
  const object = objectWord && /^[a-z-]+$/i.test(objectWord) ? `the ${objectWord}` : null;
  const complement = rest.slice(det + 1).join(" ") || null;
  void head;
  return { subject: `the ${subjectWords.join(" ")}`, verb: base, verbs: plural ? base : conj3(base), object, complement, plural };
}

function lowerFirst(s: string): string {
  return /^\p{Lu}\p{Ll}/u.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s;
}

function conj3(v: string): string {
  if (/(ch|sh|ss|x|o)$/.test(v)) return `${v}es`;
  if (/[^aeiou]y$/.test(v)) return `${v.slice(0, -1)}ies`;
  return v === "have" ? "has" : `${v}s`;
}

/**
 * An unseen "how X does Y" topic still gets a mechanism: what goes in, what happens inside, what
 * comes out — built from the idea's own subject, verb and object, drawn as a steps diagram.
 */
function actionContent(a: TopicAction): ExplainerContent {
  const S = a.subject;
  const O = a.object;
  const bare = O?.replace(/^the\s+/, "") ?? null;
  const many = (w: string) => /[^s]s$/.test(w);
  const oPl = bare ? many(bare) : false;
  const go = oPl ? "go" : "goes";
  const come = oPl ? "come" : "comes";
  const take = a.plural ? "take" : "takes";
  const need = a.plural ? "need" : "needs";
  const does = `${a.verbs}${O ? ` ${O}` : ""}${a.complement ? ` ${a.complement}` : ""}`;
  const how = `how ${S} ${does}`;
  const title = cap(how);
  const making = MAKING.test(a.verb);
  let labels: string[];
  let steps: ExplainerCard[];
  if (O && bare && making) {
    labels = [`What ${a.plural ? "they" : "it"} ${need} goes in`, `${cap(S)} ${a.verbs} ${O}`, `${cap(bare)} ${come} out`];
    steps = [
      { text: `Step 1: ${S} ${take} in what ${a.plural ? "they" : "it"} ${need} to ${a.verb} ${O}.`, visual: `${S} taking in its raw materials`, diagram: null, notes: null },
      { text: `Step 2: ${S} ${a.verbs} ${O}${a.complement ? ` ${a.complement}` : ""}, one stage after another.`, visual: `labelled cutaway of ${S} at work`, diagram: null, notes: null },
      { text: `Step 3: ${O} ${come} out, ready.`, visual: `${O}, finished, beside ${S}`, diagram: null, notes: null },
    ];
  } else if (O && bare) {
    labels = [`${cap(bare)} ${go} in`, `${cap(S)} ${a.verbs} ${oPl ? "them" : "it"}${a.complement ? ` ${a.complement}` : ""}`, `${cap(bare)} ${come} out`];
    steps = [
      { text: `Step 1: ${O} ${go} into ${S}.`, visual: `${O} going into ${S}`, diagram: null, notes: null },
      { text: `Step 2: inside ${S}, each part does its share — ${S} ${does}.`, visual: `labelled cutaway of ${S}, ${O} inside`, diagram: null, notes: null },
      { text: `Step 3: ${O} ${come} out of ${S}${a.complement ? `, ${a.complement}` : ", done"}.`, visual: `${O} coming out of ${S}`, diagram: null, notes: null },
    ];
  } else {
    labels = [`${cap(S)} at rest`, `Its parts move`, `${cap(S)} ${a.verbs}`];
    steps = [
      { text: `Step 1: ${S} at rest, each part labelled.`, visual: `labelled drawing of ${S}`, diagram: null, notes: null },
      { text: `Step 2: the parts of ${S} start to move, one after the other.`, visual: `${S}, arrows showing its parts moving`, diagram: null, notes: null },
      { text: `Step 3: ${S} ${a.verbs}.`, visual: `${S} at work`, diagram: null, notes: null },
    ];
  }
  const d = (h: number | null) => stepsDiagram(title, labels, h);
  steps = steps.map((st, i) => ({ ...st, diagram: d(i) }));
  const asked = `How ${a.plural ? "do" : "does"} ${S} ${a.verb}${O ? ` ${O}` : ""}${a.complement ? ` ${a.complement}` : ""}?`;
  return {
    question: { text: `The question: ${asked}`, visual: O ? `${S} and ${O}, a question mark between them` : `${S}, a question mark beside it`, diagram: null, notes: null },
    steps,
    example: { text: `All ${labels.length} steps on one card: ${labels.map(lowerFirst).join(" → ")}.`, visual: `a steps diagram of ${how}`, diagram: d(null), notes: null },
    takeaway: { text: `Takeaway: in, ${a.verb}, out — ${labels.length} steps, and that is ${how}.`, visual: O ? `${S} and ${O}` : S, diagram: d(labels.length - 1), notes: null },
  };
}

function compoundContent(f: NonNullable<ReturnType<typeof growthFacts>>, text: string): ExplainerContent {
  const c = f.currency;
  const r = f.ratePct / 100;
  const y1 = f.principal * (1 + r);
  const y2 = y1 * (1 + r);
  const marks = yearMarks(f.years);
  const series = compoundSeries(f.principal, f.ratePct, marks);
  const end = series.at(-1)!;
  const half = Math.round(f.years * (2 / 3));
  const atHalf = compoundSeries(f.principal, f.ratePct, [half])[0]!;
  const simple = f.principal * (1 + r * f.years);
  const who = /\bsav(e|er|ings)\b/i.test(text) ? "savings" : "money";
  return {
    question: {
      text: `The question: how does compound interest grow ${who} over ${f.years} years? A saver puts ${money(f.principal, c)} into a savings jar and leaves it there.`,
      visual: `a saver dropping banknotes into a savings jar, a calendar showing ${f.years} years`,
      diagram: null,
      notes: `Super: "How does ${money(f.principal, c)} grow in ${f.years} years?"`,
    },
    steps: [
      {
        text: `Year 1: the bank pays ${f.ratePct} % interest — ${money(f.principal * r, c)} lands on top of the ${money(f.principal, c)}, making ${money(y1, c)}.`,
        visual: "a stack of coins with a smaller interest stack added on top",
        diagram: { kind: "bar-chart", title: "Year 1", labels: ["savings", "interest"], values: [f.principal, Math.round(f.principal * r)], unit: c, highlight: 1 },
        notes: null,
      },
      {
        text: `Year 2: the ${f.ratePct} % is paid on ${money(y1, c)}, not on ${money(f.principal, c)} — interest on the interest: ${money(y2, c)}.`,
        visual: "coin stacks for year 1 and year 2, the second slightly taller",
        diagram: { kind: "bar-chart", title: "Interest earns interest", labels: ["start", "year 1", "year 2"], values: [f.principal, Math.round(y1), Math.round(y2)], unit: c, highlight: 2 },
        notes: null,
      },
      {
        text: `Every year the pile is bigger, so every year's interest is bigger: after ${half} years the ${who} are ${money(atHalf, c)}.`,
        visual: "a row of coin stacks growing taller year by year",
        diagram: { ...growthCurve(f, false), highlight: marks.findIndex((m) => m >= half) },
        notes: null,
      },
    ],
    example: {
      text: `The curve: ${money(f.principal, c)} at ${f.ratePct} % becomes ${money(end, c)} after ${f.years} years — ${money(simple, c)} with simple interest.`,
      visual: `a line chart curving upward over ${f.years} years, the last point marked`,
      diagram: growthCurve(f),
      notes: `Super: "${money(end, c)} after ${f.years} years"`,
    },
    takeaway: {
      text: `Takeaway: start early and leave it alone — the last ${f.years - half} years add ${money(end - atHalf, c)}, more than the first ${half} years (${money(atHalf - f.principal, c)}).`,
      visual: "comparison chart of growth in the early years against the late years, a savings jar beside it",
      diagram: comparisonDiagram("Where the growth comes from", [`first ${half} years`, `last ${f.years - half} years`], [Math.round(atHalf - f.principal), Math.round(end - atHalf)], c, 1),
      notes: 'Super: "Time does the heavy lifting."',
    },
  };
}

function knownContent(k: Known, text: string): ExplainerContent {
  const all = k.steps.map((s) => s.label);
  return {
    question: { text: `The question: ${k.question}`, visual: k.questionVisual, diagram: null, notes: `Super: "${k.question}"` },
    steps: k.steps.map((s, i) => ({ text: `Step ${i + 1}: ${s.text}`, visual: s.visual, diagram: stepsDiagram(k.title, all, i), notes: null })),
    example: k.example(text),
    takeaway: { text: `Takeaway: ${k.takeaway}`, visual: k.questionVisual, diagram: stepsDiagram(k.title, all, null), notes: null },
  };
}

function evContent(): ExplainerContent {
  const km = 15_000;
  const ev = Math.round((km / 100) * 17 * 0.3);
  const petrol = Math.round((km / 100) * 7 * 1.8);
  return {
    question: { text: "The question: an electric car or a petrol car — which costs less to run for a year?", visual: "an electric car and a petrol car parked side by side", diagram: null, notes: null },
    steps: [
      { text: "The electric car: about 17 kWh per 100 km, charged at home at about 0.30 a kWh.", visual: "an electric car plugged into a home charger", diagram: comparisonDiagram("Energy per 100 km", ["electric car (kWh)", "petrol car (litres)"], [17, 7], null, 0), notes: null },
      { text: "The petrol car: about 7 litres per 100 km, at about 1.80 a litre at the pump.", visual: "a petrol car at a fuel pump", diagram: comparisonDiagram("Energy per 100 km", ["electric car (kWh)", "petrol car (litres)"], [17, 7], null, 1), notes: null },
      { text: "Servicing: the electric car has no oil changes, no exhaust and brakes that wear slower.", visual: "a mechanic beside the electric car and the petrol car", diagram: null, notes: null },
    ],
    example: {
      text: `In numbers: over ${formatNumber(km)} km a year the electric car costs about ${formatNumber(ev)} in power, the petrol car about ${formatNumber(petrol)} in fuel.`,
      visual: "bar chart of yearly running cost, electric car against petrol car",
      diagram: comparisonDiagram(`Running cost over ${formatNumber(km)} km a year`, ["electric car", "petrol car"], [ev, petrol], null, 0),
      notes: "Assumes 17 kWh/100 km at 0.30 per kWh; 7 L/100 km at 1.80 per litre.",
    },
    takeaway: { text: `Takeaway: per year the electric car saves about ${formatNumber(petrol - ev)} to run — the price of the car decides the rest.`, visual: "the electric car and the petrol car side by side, the electric car highlighted", diagram: comparisonDiagram("Yearly running cost", ["electric car", "petrol car"], [ev, petrol], null, 0), notes: null },
  };
}

const STEP_LEAD = /^(first(ly)?|then|next|after that|finally|lastly|now|second(ly)?|third(ly)?)\b[,]?\s*/i;
const IMPERATIVE = /^(heat|rinse|bloom|pour|serve|feed|mix|let|bake|add|stir|wait|cut|chop|fold|knead|shape|boil|fill|put|take|place|turn|press|open|close|plug|set|check|remove|wash|dry|paint|sand|measure|plant|water|cover|grind|weigh|whisk|fry|roast|cool|slice|spread|wrap|tie|glue|attach|connect|insert|choose|pick|write|draw|record|upload|share|clean|soak|drain|season|taste)\b/i;

/** The idea's own steps: "First, heat the water… Then rinse…" or "…: feed the starter, mix the dough, then bake". */
export function ownSteps(text: string): string[] {
  const sentences = text.split(/(?<=[.!?])\s+/).map((s) => s.trim().replace(/[.!?]+$/, ""));
  const fromSentences = sentences.map((s) => s.replace(STEP_LEAD, "")).filter((s) => IMPERATIVE.test(s));
  if (fromSentences.length >= 2) return fromSentences.map(cap);
  const colon = /:\s*(.+)$/.exec(text);
  const list = (colon?.[1] ?? text).split(/,\s*(?:and\s+|then\s+)?|\s+then\s+|\s+and then\s+/).map((p) => p.trim().replace(STEP_LEAD, "").replace(/[.!?]+$/, ""));
  const imperative = list.filter((p) => IMPERATIVE.test(p));
  return imperative.length >= 2 ? imperative.map(cap) : [];
}

function stepsContent(text: string, topic: string | null, steps: string[]): ExplainerContent {
  const title = cap((topic ?? "The steps").replace(/[:?].*$/, ""));
  const labels = steps.map((s) => s.split(/\s+/).slice(0, 5).join(" "));
  const numbers = steps.find((s) => /\d/.test(s)) ?? null;
  const timed = steps.map((s, i) => (/\d+\s*(seconds?|minutes?|hours?|degrees|°)/i.test(s) ? i : -1)).filter((i) => i >= 0);
  return {
    question: { text: `The question: ${asQuestion(topic ?? title)}`, visual: `the ingredients and tools laid out: ${nounsOf(steps).slice(0, 4).join(", ") || "everything needed"}`, diagram: null, notes: null },
    steps: steps.map((s, i) => ({ text: `Step ${i + 1}: ${s}.`, visual: `${s.toLowerCase()}, hands at work`, diagram: stepsDiagram(title, labels, i), notes: null })),
    example: {
      text: numbers ? `The numbers that matter: ${steps.filter((s) => /\d/.test(s)).map((s) => s.toLowerCase()).join("; ")}.` : `All ${steps.length} steps in order, on one card.`,
      visual: "a timeline of the steps with their times and temperatures",
      diagram: timed.length > 0 ? { kind: "timeline", title, labels: labels.slice(0, 12), values: null, unit: null, highlight: timed[0] ?? null } : stepsDiagram(title, labels, null),
      notes: null,
    },
    takeaway: { text: `Takeaway: ${steps.length} steps — ${labels.map((l) => l.toLowerCase()).join(", ")}. Keep this card handy.`, visual: "the finished result on a table", diagram: stepsDiagram(title, labels, steps.length - 1), notes: null },
  };
}

function compareContent(a: string, b: string): ExplainerContent {
  const A = a.replace(/^(the|an?)\s+/i, "").trim();
  const B = b.replace(/^(the|an?)\s+/i, "").trim();
  const d = (h: number | null) => comparisonDiagram(`${cap(A)} vs ${B}`, [A, B], null, null, h);
  return {
    question: { text: `The question: ${A} or ${B} — what is the real difference?`, visual: `${A} and ${B} side by side`, diagram: null, notes: null },
    steps: [
      { text: `First, the ${A}: what it is and what it costs.`, visual: `the ${A}, labelled`, diagram: d(0), notes: null },
      { text: `Then the ${B}: the same questions.`, visual: `the ${B}, labelled`, diagram: d(1), notes: null },
    ],
    example: { text: `Side by side: the ${A} and the ${B} on one chart.`, visual: `comparison chart of the ${A} and the ${B}`, diagram: d(null), notes: null },
    takeaway: { text: `Takeaway: choose the ${A} or the ${B} by what you need most.`, visual: `the ${A} and the ${B} side by side`, diagram: d(null), notes: null },
  };
}

function nounsOf(steps: string[]): string[] {
  const out: string[] = [];
  for (const s of steps) {
    const m = /\bthe\s+([a-z]+(?:\s+[a-z]+)?)/i.exec(s);
    if (m?.[1] && !out.includes(m[1])) out.push(`the ${m[1]}`);
  }
  return out;
}

function asQuestion(topic: string): string {
  const t = topic.trim().replace(/[.?!]+$/, "");
  if (/^how to\s/i.test(t)) return `How do you ${t.slice(7)}?`;
  if (/^(how|why|what)\b/i.test(t)) return `${cap(t)}?`;
  return `How does ${t} work?`;
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
