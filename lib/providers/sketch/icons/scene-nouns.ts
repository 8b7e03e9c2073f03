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
    "square,plaza,shift,shifts,two,three,four,five,six,seven,eight,nine,ten,dozen,hundred,thousand,million,day,days,night,nights,morning,evening,dawn,dusk,sunrise,sunset,year,years,minute,minutes,second,seconds,hour,hours,week,weeks,today,tomorrow,crust,gallery,glow"
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

type Token = { w: string; at: number };

function tokens(text: string, offset: number): Token[] {
  const out: Token[] = [];
  const re = /[\p{L}][\p{L}'’-]*/gu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const w = m[0].toLowerCase().replace(/['’]s$/, "").replace(/['’]/g, "");
    out.push({ w, at: offset + m.index });
  }
  return out;
}

function lookup(phrase: string): { noun: string; entry: NonNullable<ReturnType<typeof lookupNoun>> } | null {
  for (const s of singulars(phrase)) {
    const e = lookupNoun(s);
    if (e) return { noun: s, entry: e };
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
        const phrase = toks.slice(i, i + n).map((x) => x.w).join(" ");
        const hit = lookup(phrase);
        if (hit && !META.has(toks[i + n - 1]?.w ?? "")) {
          add(hit.noun, toks.slice(i, i + n).map((x) => x.w).join(" "), t.at, hit.entry, inDescription);
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
      if (!hit) continue;
      const needsDeterminer = VERBISH.has(t.w) || (hit.entry.verbish && hit.noun === t.w);
      if (needsDeterminer && !DETERMINERS.has(prev) && !/(ful|ous|ic|al|ish)$/.test(prev)) continue;
      add(hit.noun, t.w, t.at, hit.entry, inDescription);
    }
  };
  const add = (noun: string, text: string, at: number, entry: NonNullable<ReturnType<typeof lookupNoun>>, inDescription: boolean) => {
    if (found.has(noun)) return;
    // "fishing boat" found: a later "boat" is the same thing.
    for (const f of found.values()) if (f.noun.endsWith(` ${noun}`) && f.icon?.id === entry.icon?.id) return;
    found.set(noun, { noun, text, at, category: entry.category, icon: entry.icon, inDescription });
  };
  scan(description, 0, true);
  if (prompt) scan(prompt, 100_000, false);
  return [...found.values()].sort((a, b) => a.at - b.at);
}
