/**
 * The pages `npm run bench` measures, generated from the project's own texts
 * (the labelled evaluation set and the fixture pages) with a seeded
 * pseudo-random generator: the same bytes on every run, nothing downloaded.
 *
 * - `case-1mb`: a French live-coverage page about the case (~1 MB of HTML);
 * - `feed-5mb`: a feed of 2 000 short posts (~5 MB), a third about the case,
 *   with `window.__addPosts(n)` appending n more, one every 10 ms;
 * - `coco-unrelated-1mb`: a magazine full of "coco" (coconut, Chanel, Pixar,
 *   nicknames) and of the case's dates and figures, never about the case;
 * - `ordinary-200kb`: an ordinary local news page with no trace of the case.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

export interface BenchPage {
  /** `case-1mb`, also the file name without `.html`. */
  name: string;
  /** What the page is, in a few words. */
  description: string;
  /** Whether the page is about the case: a page that is not must get no highlight. */
  aboutCase: boolean;
  html: string;
}

interface EvalCase {
  id: string;
  language: string;
  genre: string;
  text: string;
  mentions: string[];
}

// ——————————————————————————— randomness ———————————————————————————

/** Mulberry32: a small, fast, seeded generator of floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Dice {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = seededRandom(seed);
  }
  /** A float in [0, 1). */
  float(): number {
    return this.next();
  }
  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  }
}

// ——————————————————————————— sources ———————————————————————————

function readCases(): EvalCase[] {
  const raw = JSON.parse(readFileSync(resolve(ROOT, 'tests/eval/cases.json'), 'utf8')) as {
    cases: EvalCase[];
  };
  return raw.cases;
}

/** The `<article class="card">` blocks of the fixture magazine page, as they are written. */
function readUnrelatedFixtureArticles(): string[] {
  const html = readFileSync(resolve(ROOT, 'tests/fixtures/pages/coco-unrelated.html'), 'utf8');
  return [...html.matchAll(/<article class="card"[\s\S]*?<\/article>/g)].map((m) => m[0]);
}

// ——————————————————————————— markup helpers ———————————————————————————

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** Links and emphasis as a newsroom CMS adds them: the page's text nodes are split like real ones. */
function enrich(escaped: string): string {
  return escaped
    .replace(
      /\bparquet de Paris\b/g,
      '<a href="/tag/parquet-de-paris" class="tag">parquet de Paris</a>',
    )
    .replace(/\bEurojust\b/g, '<a href="/tag/eurojust" class="tag">Eurojust</a>')
    .replace(/\b(\d{1,2} juin 2024)\b/g, '<strong>$1</strong>')
    .replace(/\b(\d{1,2} June 2024)\b/g, '<strong>$1</strong>');
}

/** A text of the evaluation set as paragraphs (blank lines) and line breaks. */
function paragraphs(text: string, className = ''): string {
  const cls = className ? ` class="${className}"` : '';
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p${cls}>${enrich(escapeHtml(p)).replace(/\n/g, '<br />')}</p>`)
    .join('\n');
}

/** Icons as a real site inlines them (most of a feed's bytes are markup like this). */
const ICONS = {
  reply:
    'M1.751 10c0-4.42 3.584-8 8.005-8h4.366c4.49 0 7.501 3.58 7.501 8.13 0 2.81-1.36 5.29-3.45 6.77l-7.33 4.5c-.36.22-.82.23-1.19.02-.36-.21-.59-.6-.59-1.02v-3.44h-.01c-4.42 0-7.99-3.58-7.99-8.01v.05zm8.005-6c-3.317 0-6.005 2.69-6.005 6 0 3.37 2.77 6.08 6.138 6.01l.351-.01h1.761v2.3l5.087-3.12c1.6-1.06 2.56-2.84 2.56-4.75 0-3.43-2.19-5.94-5.5-5.94H9.756z',
  repost:
    'M4.5 3.88l4.432 4.14-1.364 1.46L5.5 7.55V16c0 1.1.896 2 2 2H13v2H7.5c-2.209 0-4-1.79-4-4V7.55L1.432 9.48.068 8.02 4.5 3.88zM16.5 6H11V4h5.5c2.209 0 4 1.79 4 4v8.45l2.068-1.93 1.364 1.46-4.432 4.14-4.432-4.14 1.364-1.46 2.068 1.93V8c0-1.1-.896-2-2-2z',
  like: 'M12 21.35l-1.45-1.32C5.4 15.36 2 12.28 2 8.5 2 5.42 4.42 3 7.5 3c1.74 0 3.41.81 4.5 2.09C13.09 3.81 14.76 3 16.5 3 19.58 3 22 5.42 22 8.5c0 3.78-3.4 6.86-8.55 11.54L12 21.35z',
  share:
    'M12 2.59l5.7 5.7-1.41 1.42L13 6.41V16h-2V6.41l-3.3 3.3-1.41-1.42L12 2.59zM21 15l-.02 3.51c0 1.38-1.12 2.49-2.5 2.49H5.5C4.11 21 3 19.88 3 18.5V15h2v3.5c0 .28.22.5.5.5h12.98c.28 0 .5-.22.5-.5L19 15h2z',
  more: 'M3 12c0-1.1.9-2 2-2s2 .9 2 2-.9 2-2 2-2-.9-2-2zm9 2c1.1 0 2-.9 2-2s-.9-2-2-2-2 .9-2 2 .9 2 2 2zm7 0c1.1 0 2-.9 2-2s-.9-2-2-2-2 .9-2 2 .9 2 2 2z',
};

function svg(path: string): string {
  return `<svg viewBox="0 0 24 24" aria-hidden="true" class="icon"><g><path d="${path}"></path></g></svg>`;
}

function head(title: string, lang: string, css: string, extra = ''): string {
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8" />
<link rel="icon" href="data:," />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>${escapeHtml(title)}</title>
<style>${css}</style>
${extra}
</head>`;
}

// ——————————————————————————— filler prose ———————————————————————————

/**
 * Neutral French prose for the parts of a page that are not about anything in
 * particular (local news, comments, teasers): no "coco", no agency of the
 * case, no count of proceedings, victims, countries or offices.
 */
const FR = {
  subjects: [
    'La municipalité',
    'Le conseil départemental',
    'Les habitants du quartier',
    "L'association des commerçants",
    'Le club de rugby de la ville',
    'La médiathèque',
    'Les organisateurs du festival',
    'La nouvelle directrice du conservatoire',
    'Le syndicat des transports',
    'Une étude publiée cette semaine',
    'Le comité des fêtes',
    'La chambre d’agriculture',
    'Le lycée professionnel',
    'Les jeunes agriculteurs',
    'La compagnie de théâtre',
    'Le musée des beaux-arts',
  ],
  verbs: [
    'a présenté',
    'prévoit',
    'a inauguré',
    'annonce',
    'souhaite développer',
    'a rappelé l’intérêt de',
    'envisage',
    'a dressé le bilan de',
    'défend',
    'prépare',
    'a lancé',
    'soutient',
  ],
  objects: [
    'un programme de rénovation des façades',
    'une nouvelle piste cyclable le long du canal',
    'la saison culturelle',
    'des ateliers de lecture pour les enfants',
    'un marché de producteurs locaux',
    'la restauration de l’orgue de l’église',
    'un jardin partagé au pied des immeubles',
    'la réouverture de la piscine municipale',
    'une navette gratuite vers la gare',
    'un concours de photographie amateur',
    'la plantation d’arbres dans les cours d’école',
    'un plan de circulation pour le centre-ville',
    'une exposition consacrée aux peintres de la région',
    'des cours de cuisine pour les seniors',
  ],
  complements: [
    'dès la rentrée',
    'pour les trois prochaines années',
    'malgré un budget serré',
    'avec le soutien des bénévoles',
    'après plusieurs mois de concertation',
    'au grand plaisir des riverains',
    'à la demande des familles',
    'en partenariat avec les écoles',
    'sans augmenter les impôts locaux',
    'dans un climat apaisé',
  ],
  extras: [
    'Les inscriptions sont ouvertes en mairie.',
    'Le projet sera soumis au vote lors de la prochaine séance.',
    'Plusieurs riverains ont salué l’initiative.',
    'Le calendrier reste à préciser.',
    'Une réunion publique est prévue en fin de mois.',
    'Le chantier devrait durer une dizaine de semaines.',
    'La fréquentation a dépassé les attentes des organisateurs.',
    'Les détails seront publiés sur le panneau d’affichage.',
    'Il faudra compter environ 12 kilomètres de travaux.',
    'Près de 300 personnes ont assisté à la présentation.',
  ],
  names: [
    'Martine L.',
    'Jean-Pierre',
    'Sophie_44',
    'Lucas B.',
    'Nadia',
    'Hervé M.',
    'Claire D.',
    'Thomas',
    'Yasmine',
    'Bernard P.',
    'Élodie',
    'Karim',
  ],
  headlines: [
    'Travaux : la rue principale fermée à la circulation jusqu’à vendredi',
    'Le marché de Noël revient avec quarante exposants',
    'Basket : les cadettes qualifiées pour la finale régionale',
    'La boulangerie du centre récompensée pour sa baguette',
    'Un nouveau cinéma de quartier ouvrira au printemps',
    'Météo : un week-end ensoleillé avant le retour de la pluie',
    'Les élèves du collège plantent une haie de deux cents mètres',
    'Le festival de jazz dévoile sa programmation',
    'Vélo : la véloroute du canal prolongée de six kilomètres',
    'Patrimoine : le lavoir restauré par des bénévoles',
    'Emploi : un forum des métiers au gymnase',
    'Théâtre : une création locale jouée à guichets fermés',
  ],
};

function frenchSentence(dice: Dice): string {
  const s = `${dice.pick(FR.subjects)} ${dice.pick(FR.verbs)} ${dice.pick(FR.objects)} ${dice.pick(FR.complements)}.`;
  return dice.chance(0.35) ? `${s} ${dice.pick(FR.extras)}` : s;
}

function frenchParagraph(dice: Dice, sentences = dice.int(2, 5)): string {
  return Array.from({ length: sentences }, () => frenchSentence(dice)).join(' ');
}

/** A mega-menu and a footer as big news sites have them: hundreds of links. */
function navigation(dice: Dice, sections: readonly string[], links: number): string {
  const items = Array.from({ length: links }, (_, i) => {
    const headline = dice.pick(FR.headlines);
    return `<li class="menu-item menu-item-${i}"><a href="/rubrique/${i}" data-track="menu-${i}" title="${escapeHtml(headline)}">${escapeHtml(headline.split(':')[0]!.trim())}</a></li>`;
  });
  const per = Math.ceil(items.length / sections.length);
  return `<nav class="mega" aria-label="Rubriques">${sections
    .map(
      (section, s) =>
        `<div class="mega-col"><p class="mega-title">${escapeHtml(section)}</p><ul>${items
          .slice(s * per, (s + 1) * per)
          .join('')}</ul></div>`,
    )
    .join('\n')}</nav>`;
}

function teasers(dice: Dice, count: number): string {
  return Array.from({ length: count }, (_, i) => {
    const headline = dice.pick(FR.headlines);
    return `<li class="teaser" data-teaser-id="${i}"><a class="teaser-link" href="/article/${1000 + i}" data-position="${i}"><span class="teaser-kicker">${escapeHtml(dice.pick(['Local', 'Sport', 'Culture', 'Société', 'Économie']))}</span> <span class="teaser-title">${escapeHtml(headline)}</span></a><p class="teaser-summary">${escapeHtml(frenchSentence(dice))}</p></li>`;
  }).join('\n');
}

function comments(dice: Dice, count: number, extra: (i: number) => string | null): string {
  return Array.from({ length: count }, (_, i) => {
    const author = dice.pick(FR.names);
    const text = extra(i) ?? frenchParagraph(dice, dice.int(1, 3));
    return `<li class="comment" id="comment-${i}" data-comment-id="${5000 + i}"><div class="comment-meta"><span class="comment-author">${escapeHtml(author)}</span> <time datetime="2024-06-25T${String(10 + (i % 12)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00+02:00">le 25/06 à ${10 + (i % 12)} h ${String(i % 60).padStart(2, '0')}</time></div>${paragraphs(text, 'comment-text')}<div class="comment-actions"><button type="button" class="reply">Répondre</button> <button type="button" class="report">Signaler</button> <span class="votes">${dice.int(0, 80)} ♥</span></div></li>`;
  }).join('\n');
}

const NEWS_CSS = `
body{margin:0;font:17px/1.6 Georgia,'Times New Roman',serif;color:#1a1a1a;background:#fff}
.mega{display:grid;grid-template-columns:repeat(6,1fr);gap:12px;padding:12px 24px;background:#f3f3f3;font:13px/1.4 system-ui,sans-serif}
.mega ul{list-style:none;margin:0;padding:0}.mega a{color:#333;text-decoration:none}
.mega-title{font-weight:700;text-transform:uppercase;margin:0 0 6px}
.layout{max-width:1100px;margin:0 auto;display:grid;grid-template-columns:minmax(0,1fr) 300px;gap:40px;padding:24px}
article h1{font-size:38px;line-height:1.15;margin:8px 0 12px}
.kicker{color:#c4161c;font:700 14px/1 system-ui,sans-serif;text-transform:uppercase}
.live-entry{border-left:3px solid #c4161c;padding:4px 0 4px 18px;margin:0 0 28px}
.live-time{font:700 13px/1 system-ui,sans-serif;color:#c4161c}
.live-entry h2{font-size:22px;margin:6px 0}
blockquote.embed{border:1px solid #d8dee4;border-radius:12px;padding:12px 16px;margin:12px 0;font:15px/1.45 system-ui,sans-serif}
blockquote.release{border-left:4px solid #555;background:#f7f7f7;margin:14px 0;padding:10px 16px}
a.tag{color:#0b57a4}
.share{display:flex;gap:8px}.share button{border:0;background:#eee;border-radius:50%;width:32px;height:32px}
.icon{width:18px;height:18px;fill:currentColor}
.comments{list-style:none;padding:0;font:15px/1.5 system-ui,sans-serif}
.comment{border-top:1px solid #eee;padding:10px 0}.comment-meta{color:#666;font-size:13px}
.teasers{list-style:none;padding:0}.teaser{margin:0 0 14px}.teaser-title{font-weight:700}
.teaser-kicker{color:#c4161c;font-size:12px;text-transform:uppercase}
footer.site{background:#222;color:#ccc;padding:24px;font:13px/1.5 system-ui,sans-serif}
footer.site a{color:#ccc}
`;

function shareBar(id: string): string {
  return `<div class="share" role="group" aria-label="Partager"><button type="button" data-share="${id}" aria-label="Partager sur un réseau social">${svg(ICONS.share)}</button><button type="button" aria-label="Copier le lien">${svg(ICONS.repost)}</button><button type="button" aria-label="Plus d’options">${svg(ICONS.more)}</button></div>`;
}

/** A configuration blob as news sites inline them: bytes, not visible text, not executed. */
function configBlob(dice: Dice, bytes: number): string {
  const entries: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const entry = `{"slot":"ad-${i}","sizes":[[300,250],[728,90]],"targeting":{"rubrique":"${dice.pick(['justice', 'societe', 'tech'])}","pos":${i}},"lazy":${dice.chance(0.5)}}`;
    entries.push(entry);
    size += entry.length + 1;
  }
  return `<script type="application/json" id="page-config">[${entries.join(',')}]</script>`;
}

// ——————————————————————————— 1. case-1mb ———————————————————————————

const LIVE_HEADINGS = [
  'Ce que dit le communiqué du parquet',
  'La plateforme fermée',
  'Sur les réseaux, les réactions affluent',
  'Un site connu des enquêteurs',
  'Les opérations à l’étranger',
  'Des milliers de procédures',
  'Ce que l’on sait des dirigeants',
  'Archives : ce qu’on en disait avant',
  'Le point sur l’enquête',
  'Un message relayé des milliers de fois',
  'Précision',
  'Rappel des faits',
];

function casePage(cases: readonly EvalCase[], dice: Dice, targetBytes: number): string {
  const french = cases.filter((c) => c.language === 'fr' && c.mentions.length > 0);
  const entries: string[] = [];
  const order = [
    ...dice.shuffle(french),
    ...dice.shuffle(french).slice(0, Math.ceil(french.length / 2)),
  ];
  order.forEach((c, i) => {
    const time = `${String(18 - Math.floor(i / 8)).padStart(2, '0')} h ${String(59 - ((i * 7) % 60)).padStart(2, '0')}`;
    let body: string;
    if (c.genre === 'post' || c.genre === 'repost') {
      body = `<blockquote class="embed" data-embed="post-${i}"><p class="embed-author"><strong>${escapeHtml(dice.pick(FR.names))}</strong> <span>@${escapeHtml(
        dice
          .pick(FR.names)
          .toLowerCase()
          .replace(/[^a-z]/g, '') || 'anonyme',
      )}</span></p>${paragraphs(c.text)}<p class="embed-link"><a href="/embed/${i}">Voir le message</a></p></blockquote>`;
    } else if (c.genre === 'release-copy') {
      body = `<p>${escapeHtml(frenchSentence(dice))}</p><blockquote class="release">${paragraphs(c.text)}</blockquote>`;
    } else {
      body = paragraphs(c.text);
    }
    const context = dice.chance(0.5) ? `<p>${escapeHtml(frenchParagraph(dice, 2))}</p>` : '';
    entries.push(
      `<section class="live-entry" id="entry-${i}" data-entry-id="${i}"><p class="live-time"><time datetime="2024-06-25T${time.replace(' h ', ':')}:00+02:00">${time}</time></p><h2>${escapeHtml(dice.pick(LIVE_HEADINGS))}</h2>\n${body}\n${context}${shareBar(`entry-${i}`)}</section>`,
    );
  });
  const posts = french.filter((c) => c.genre === 'post');
  let commentHtml = '';
  let teaserHtml = '';
  const navHtml = navigation(
    dice,
    ['Actualité', 'Justice', 'Tech', 'Société', 'Culture', 'Sport'],
    360,
  );
  const build = () =>
    `${head('Fermeture de Coco : le direct – Le Courrier du Numérique', 'fr', NEWS_CSS, configBlob(new Dice(7), 60_000))}
<body>
<header class="site-header"><p class="brand"><a href="/">Le Courrier du Numérique</a></p>${navHtml}</header>
<div class="layout">
<main>
<article id="article">
<p class="kicker">Cybercriminalité · En direct</p>
<h1>Fermeture du site Coco : le fil de la journée</h1>
<p class="standfirst">Le site de tchat Coco a été fermé le 25 juin 2024 par la justice. Suivez les dernières informations, les réactions et les précisions du parquet.</p>
${entries.join('\n')}
</article>
<section class="comments-section" aria-label="Commentaires"><h2>Commentaires</h2><ol class="comments">${commentHtml}</ol></section>
</main>
<aside class="sidebar"><h2>À lire aussi</h2><ol class="teasers">${teaserHtml}</ol></aside>
</div>
<footer class="site">${navigation(new Dice(11), ['Le journal', 'Services', 'Abonnement', 'Partenaires'], 120)}<p>© 2024 Le Courrier du Numérique</p></footer>
</body>
</html>
`;
  // The rest of the page is what surrounds an article: readers' comments (a
  // few of them posts about the case) and teasers, until the page is ~1 MB.
  const comment = new Dice(dice.int(1, 1e9));
  const teaser = new Dice(dice.int(1, 1e9));
  let count = 0;
  while (Buffer.byteLength(build()) < targetBytes) {
    count += 20;
    commentHtml = comments(new Dice(comment.int(1, 1e9) + count), count, (i) =>
      i % 25 === 3 ? posts[i % posts.length]!.text : null,
    );
    teaserHtml = teasers(new Dice(teaser.int(1, 1e9) + count), Math.ceil(count / 3));
  }
  return build();
}

// ——————————————————————————— 2. feed-5mb ———————————————————————————

interface PostData {
  name: string;
  handle: string;
  text: string;
  sponsored?: boolean;
}

const FEED = {
  names: [
    ['Marie Dupont', 'marie_dupont'],
    ['Chloé 🐾', 'chloe_et_ses_chats'],
    ['Info Justice', 'info_justice'],
    ['Kévin ⚽', 'kev_supporter'],
    ['Actu en continu', 'actu_continu'],
    ['Sandrine', 'sandrine_b'],
    ['Tom Baker', 'tombaker'],
    ['Daily Brief', 'dailybrief'],
    ['Lucie en cuisine', 'lucie_cuisine'],
    ['Observatoire du Web', 'obs_web'],
    ['Samir', 'samir_93'],
    ['Emma W.', 'emmaw'],
    ['Le Petit Matin', 'petitmatin'],
    ['FootActu', 'footactu'],
    ['Paws & Claws', 'pawsclaws'],
  ],
  cats: {
    fr: [
      'Mon chat a encore dormi toute la journée sur le clavier 😹 #caturday',
      'Mon chat a appris à ouvrir le frigo. Je ne sais pas si je dois être fière ou inquiète 🐈',
      'Le chat du voisin vient manger chez nous tous les soirs depuis trois semaines. Il a deux maisons maintenant.',
      'Réveillée à 5 h par un chat qui voulait sortir, puis rentrer, puis sortir. Bonne journée à tous.',
    ],
    en: [
      'My cat just knocked a full glass of water off the desk while looking me in the eye. 10/10 would adopt again 🐈',
      'Adopted a second cat. The first one has not forgiven me yet. Day 4.',
      'Why does my cat sit on the one piece of paper I need? Every single time.',
    ],
  },
  football: {
    fr: [
      'Quel match hier soir ! 3-1 et une ambiance de folie au stade. On y croit pour la suite ⚽🔥',
      'Encore un penalty refusé… 0-0 à la mi-temps, les joueurs ont l’air fatigués.',
      'Mercato : le club annonce l’arrivée d’un milieu de terrain de 23 ans, contrat de quatre saisons.',
      'Derby dimanche à 21 h. 48 000 places vendues en deux heures !',
    ],
    en: [
      'What a finish! 2-2 after being two down at half-time. Football is the best sport in the world.',
      'Our keeper has now kept 6 clean sheets in a row. Unreal form.',
      'Transfer news: club confirms signing of a 19-year-old winger on a five-year deal.',
    ],
  },
  recipes: {
    fr: [
      'Recette du jour : curry de légumes au lait de coco, prêt en 25 minutes. Le secret, c’est la pâte de curry maison 🍛',
      'Gâteau au yaourt, version express : 3 œufs, 2 pots de farine, 1 pot de sucre. Vous connaissez la suite.',
      'Flan coco de ma grand-mère : 4 œufs, lait concentré sucré, 100 g de noix de coco râpée. Une nuit au frigo.',
      'Soupe de potimarron, une pincée de muscade et un peu de crème : l’automne est là 🍂',
    ],
    en: [
      'Tonight: Thai coconut curry, 400 ml of coconut milk, red curry paste, lots of basil. Ready in 30 minutes.',
      'Banana bread tip: the browner the bananas, the better the bread. Trust me.',
      'Made coconut macaroons for the bake sale: 200 g desiccated coconut, 3 egg whites, 100 g sugar.',
    ],
  },
  chanel: {
    fr: [
      'Coco Mademoiselle Eau de Parfum Intense. Une nouvelle facette du parfum Coco, plus boisée, plus profonde.',
      'Gabrielle Chanel, dite Coco, aurait tiré son surnom d’une chanson des cafés-concerts de Moulins.',
      'Coco Noir en soirée, Coco Mademoiselle le jour : mon duo depuis des années ✨',
    ],
    en: [
      'Coco Mademoiselle remains one of Chanel’s best-selling fragrances. Still my signature scent.',
      'Documentary tonight on Coco Chanel and the little black dress. Set a reminder!',
    ],
  },
  figures: {
    fr: [
      'Fête de l’école le 25 juin 2024 : 480 places, 70 bénévoles, et un lâcher de ballons à 17 h !',
      'Notre commune compte désormais 23 051 habitants selon le dernier recensement. On grandit 📈',
      'Six pays, 21 jours, 4 800 kilomètres : notre road trip en chiffres.',
      'Depuis le 1er janvier 2021, la bibliothèque a prêté plus de 23 000 livres. Merci aux lecteurs !',
    ],
    en: [
      'On 25 June 2024 our small bakery turned ten. 480 croissants sold before noon!',
      'Town council approved 70 new housing units on 25 June 2024. About time.',
      'Ran my first marathon: 42.195 km, 4 h 8 min, and 23,051 other runners.',
    ],
  },
};

function postArticle(id: number, post: PostData, dice: Dice): string {
  const colors = ['#7856ff', '#f91880', '#00ba7c', '#ff7a00', '#1d9bf0', '#794bc4', '#e0245e'];
  const minutes = dice.int(1, 59);
  const counts = [dice.int(0, 60), dice.int(0, 200), dice.int(0, 900), dice.int(0, 40)];
  const media = dice.chance(0.15)
    ? `<div class="media" role="img" aria-label="Image jointe" style="aspect-ratio:16/9;background:${dice.pick(colors)}"></div>`
    : '';
  const label = ['Répondre', 'Republier', 'J’aime', 'Partager'];
  const icons = [ICONS.reply, ICONS.repost, ICONS.like, ICONS.share];
  return `<article class="post${post.sponsored ? ' sponsored' : ''}" data-post-id="${id}" aria-labelledby="post-${id}-author">
<div class="avatar" style="background:${colors[id % colors.length]}" aria-hidden="true">${escapeHtml(post.name.charAt(0).toUpperCase())}</div>
<div class="post-body"><header><a class="author" id="post-${id}-author" href="/${post.handle}"><strong>${escapeHtml(post.name)}</strong></a><span class="handle">@${escapeHtml(post.handle)}</span><a class="time" href="/${post.handle}/status/${id}"><time datetime="2024-06-25T12:${String(minutes).padStart(2, '0')}:00Z">· ${post.sponsored ? 'Sponsorisé' : `${minutes} min`}</time></a><button type="button" class="more" aria-label="Plus d’options">⋯</button></header>
<p class="text">${escapeHtml(post.text).replace(/\n+/g, '<br />')}</p>${media}
<div class="actions" role="group">${icons
    .map(
      (icon, i) =>
        `<button type="button" class="action action-${i}" aria-label="${label[i]}">${svg(icon)}<span class="count">${counts[i]}</span></button>`,
    )
    .join('')}</div></div>
</article>`;
}

/** One post of the feed: a third about the case, the rest cats, football, recipes, Chanel, dates and figures. */
function feedPost(
  dice: Dice,
  casePosts: readonly EvalCase[],
  unrelated: readonly EvalCase[],
): PostData {
  const [name, handle] = dice.pick(FEED.names);
  if (dice.chance(1 / 3)) {
    const c = dice.pick(casePosts);
    // News stories are shared by their first paragraph, as feeds show them.
    const text = c.genre === 'news' ? c.text.split(/\n\s*\n/)[0]! : c.text;
    return { name: name!, handle: handle!, text };
  }
  const lang = dice.chance(0.6) ? 'fr' : 'en';
  const r = dice.float();
  if (r < 0.12) {
    const c = dice.pick(unrelated);
    return {
      name: name!,
      handle: handle!,
      text: c.text
        .split(/\n\s*\n/)
        .slice(0, 2)
        .join('\n'),
    };
  }
  const topic =
    r < 0.35
      ? FEED.cats
      : r < 0.55
        ? FEED.football
        : r < 0.72
          ? FEED.recipes
          : r < 0.82
            ? FEED.chanel
            : FEED.figures;
  if (topic === FEED.chanel && dice.chance(0.5)) {
    return { name: 'CHANEL', handle: 'chanel', text: dice.pick(topic[lang]), sponsored: true };
  }
  return { name: name!, handle: handle!, text: dice.pick(topic[lang]) };
}

/**
 * Posts skip rendering off screen (content-visibility), as long feeds do: without
 * it, every post appended to 2,000 costs the page alone some 50 ms of rendering
 * in headless Chromium, and 200 posts "one every 10 ms" take 10 s to arrive.
 */
const FEED_CSS = `
body{margin:0;font:15px/1.4 system-ui,-apple-system,'Segoe UI',sans-serif;color:#0f1419;background:#fff}
.shell{display:grid;grid-template-columns:240px minmax(0,600px) 1fr;max-width:1200px;margin:0 auto}
.sidebar{position:sticky;top:0;height:100vh;padding:12px;display:flex;flex-direction:column;gap:8px}
.sidebar a{color:#0f1419;text-decoration:none;font-size:19px}
#feed{border-left:1px solid #eff3f4;border-right:1px solid #eff3f4}
.post{content-visibility:auto;contain-intrinsic-size:auto 140px;display:grid;grid-template-columns:48px 1fr;gap:12px;padding:12px 16px;border-bottom:1px solid #eff3f4}
.avatar{width:40px;height:40px;border-radius:50%;color:#fff;display:grid;place-items:center;font-weight:700}
.post header{display:flex;gap:4px;align-items:baseline}.handle,.time{color:#536471;text-decoration:none}
.author{color:inherit;text-decoration:none}.more{margin-left:auto;border:0;background:none}
.text{margin:2px 0 8px;white-space:normal}
.media{border-radius:16px;margin:0 0 8px}
.actions{display:flex;justify-content:space-between;max-width:420px}
.action{border:0;background:none;color:#536471;display:flex;gap:4px;align-items:center}
.icon{width:18px;height:18px;fill:currentColor}
.sponsored .time{font-style:italic}
`;

/** The script of the feed: `window.__addPosts(n)` appends n posts, one every 10 ms, and resolves when done. */
function feedScript(pool: readonly PostData[]): string {
  const data = JSON.stringify(pool).replace(/</g, '\\u003c');
  return `<script>
(function () {
  'use strict';
  var pool = ${data};
  var feed = document.getElementById('feed');
  var template = document.getElementById('post-template');
  var colors = ['#7856ff', '#f91880', '#00ba7c', '#ff7a00', '#1d9bf0', '#794bc4', '#e0245e'];
  var nextId = feed.querySelectorAll('article.post').length + 1;
  var served = 0;
  function makePost(post) {
    var article = template.content.firstElementChild.cloneNode(true);
    var id = nextId++;
    if (post.sponsored) article.classList.add('sponsored');
    article.setAttribute('data-post-id', String(id));
    article.setAttribute('aria-labelledby', 'post-' + id + '-author');
    var avatar = article.querySelector('.avatar');
    avatar.style.background = colors[id % colors.length];
    avatar.textContent = post.name.charAt(0).toUpperCase();
    var author = article.querySelector('.author');
    author.id = 'post-' + id + '-author';
    author.href = '/' + post.handle;
    author.querySelector('strong').textContent = post.name;
    article.querySelector('.handle').textContent = '@' + post.handle;
    article.querySelector('time').textContent = post.sponsored ? '· Sponsorisé' : "· à l'instant";
    article.querySelector('.text').textContent = post.text;
    return article;
  }
  window.__addPosts = function (n) {
    return new Promise(function (resolve) {
      var added = 0;
      var timer = setInterval(function () {
        feed.appendChild(makePost(pool[served++ % pool.length]));
        added += 1;
        if (added >= n) {
          clearInterval(timer);
          resolve(added);
        }
      }, 10);
    });
  };
})();
</script>`;
}

function feedPage(cases: readonly EvalCase[], dice: Dice, posts: number): string {
  const casePosts = cases.filter(
    (c) =>
      c.mentions.length > 0 &&
      (c.genre === 'post' ||
        c.genre === 'repost' ||
        c.genre === 'news' ||
        c.genre === 'pre-shutdown'),
  );
  const unrelated = cases.filter((c) => c.genre === 'unrelated');
  const items: string[] = [];
  for (let i = 1; i <= posts; i++)
    items.push(postArticle(i, feedPost(dice, casePosts, unrelated), dice));
  const poolDice = new Dice(dice.int(1, 1e9));
  const pool = Array.from({ length: 200 }, () => feedPost(poolDice, casePosts, unrelated));
  const template = postArticle(0, { name: 'X', handle: 'x', text: '' }, new Dice(3));
  return `${head('Pépie – Accueil', 'fr', FEED_CSS)}
<body>
<div class="shell">
<nav class="sidebar" aria-label="Navigation principale"><p class="logo">Pépie</p><a href="#">Accueil</a><a href="#">Explorer</a><a href="#">Notifications</a><a href="#">Messages</a><a href="#">Profil</a></nav>
<main id="content"><div id="timeline"><div class="tabs"><span class="active">Pour vous</span><span>Abonnements</span></div>
<div id="feed" role="feed" aria-busy="false">
${items.join('\n')}
</div></div></main>
<aside class="trends" aria-label="Tendances"><h2>Tendances</h2><ol><li>#caturday</li><li>#mercato</li><li>#recette</li></ol></aside>
</div>
<template id="post-template">${template}</template>
${feedScript(pool)}
</body>
</html>
`;
}

// ——————————————————————————— 3. coco-unrelated-1mb ———————————————————————————

const MAGAZINE_CSS = `
body{margin:0;font:17px/1.6 'Trebuchet MS',Verdana,sans-serif;color:#2d2a26;background:#fffaf2}
header.top{text-align:center;padding:18px 12px 6px;border-bottom:1px solid #e8dcc6}
.page{max-width:980px;margin:0 auto;padding:20px;display:grid;grid-template-columns:minmax(0,1fr) 250px;gap:36px}
article.card{background:#fff;border:1px solid #eadfcd;border-radius:8px;padding:18px 24px;margin-bottom:28px}
article.card h2{font-family:Georgia,serif;color:#7a4b1e;margin-top:4px}
.rubrique{font-size:12px;text-transform:uppercase;letter-spacing:1px;color:#b0703a}
.ingredients{background:#fbf3e4;padding:10px 16px 10px 32px;border-radius:6px}
.issue-title{font:italic 700 28px/1.2 Georgia,serif;color:#7a4b1e;border-bottom:2px solid #7a4b1e}
.icon{width:18px;height:18px;fill:currentColor}
aside.side section{background:#fff;border:1px solid #eadfcd;border-radius:8px;padding:12px 16px;margin-bottom:20px}
`;

const RUBRIQUES = [
  'Cuisine',
  'Beauté',
  'Cinéma',
  'Sport',
  'Famille',
  'Régions',
  'Voyage',
  'Société',
  'In English',
];

function unrelatedPage(cases: readonly EvalCase[], dice: Dice, targetBytes: number): string {
  const texts = cases.filter((c) => c.genre === 'unrelated' && c.mentions.length === 0);
  const fixture = readUnrelatedFixtureArticles();
  const blocks = [
    ...fixture,
    ...texts.map((c) => {
      const [first, ...rest] = c.text.split(/\n\s*\n/);
      const title = rest.length > 0 && first!.length < 90 ? first! : dice.pick(RUBRIQUES);
      const body = rest.length > 0 && first!.length < 90 ? rest.join('\n\n') : c.text;
      return `<article class="card"${c.language === 'fr' ? '' : ` lang="${c.language}"`}><p class="rubrique">${escapeHtml(dice.pick(RUBRIQUES))}</p><h2>${escapeHtml(title)}</h2>\n${paragraphs(body)}</article>`;
    }),
  ];
  const issues: string[] = [];
  let size = 0;
  for (let issue = 1; size < targetBytes - 12_000; issue++) {
    const cards = dice
      .shuffle(blocks)
      .map(
        (block) =>
          `${block.replace('<article class="card"', `<article class="card" data-issue="${issue}"`)}\n${shareBar(`issue-${issue}`)}`,
      )
      .join('\n');
    const section = `<section class="issue" id="issue-${issue}"><h2 class="issue-title">Numéro ${issue} · Le magazine du week-end</h2>\n${cards}</section>`;
    issues.push(section);
    size += Buffer.byteLength(section);
  }
  return `${head('Escapades & Saveurs – Le magazine du week-end', 'fr', MAGAZINE_CSS)}
<body>
<header class="top"><p class="title">Escapades &amp; Saveurs</p><p class="tagline">Cuisine, beauté, cinéma et voyages — le magazine du week-end</p></header>
<div class="page"><main>
${issues.join('\n')}
</main>
<aside class="side" aria-label="À découvrir"><section><h2>Les plus lus</h2><ol><li><a href="#">Cocktail piña colada : la vraie recette portoricaine</a></li><li><a href="#">Coco Gauff remporte son premier titre sur gazon</a></li><li><a href="#">Les 10 plus belles plages des Antilles</a></li></ol></section></aside>
</div>
<footer class="bottom"><p>© 2024 Escapades &amp; Saveurs · <a href="#">Contact</a> · <a href="#">Mentions légales</a></p></footer>
</body>
</html>
`;
}

// ——————————————————————————— 4. ordinary-200kb ———————————————————————————

function ordinaryPage(dice: Dice, targetBytes: number): string {
  let body = '';
  const build = () =>
    `${head('Le Petit Matin – Actualité locale', 'fr', NEWS_CSS)}
<body>
<header class="site-header"><p class="brand"><a href="/">Le Petit Matin</a></p>${navigation(new Dice(5), ['Local', 'Sport', 'Culture', 'Économie'], 80)}</header>
<div class="layout"><main>
<article><p class="kicker">Vie locale</p><h1>${escapeHtml(FR.headlines[0]!)}</h1>
${body}
</article></main>
<aside class="sidebar"><h2>À lire aussi</h2><ol class="teasers">${teasers(new Dice(9), 30)}</ol></aside></div>
<footer class="site"><p>© 2024 Le Petit Matin</p></footer>
</body>
</html>
`;
  const parts: string[] = [];
  while (Buffer.byteLength(build()) < targetBytes) {
    const i = parts.length;
    parts.push(
      i % 6 === 5
        ? `<h2>${escapeHtml(dice.pick(FR.headlines))}</h2>`
        : `<p>${escapeHtml(frenchParagraph(dice))}${i % 4 === 0 ? ` <a href="/article/${i}">Lire la suite</a>` : ''}</p>`,
    );
    if (i % 12 === 11) parts.push(shareBar(`part-${i}`));
    body = parts.join('\n');
  }
  const html = build();
  if (/coco|junalco|uncyber|onaf|comcyber/i.test(html)) {
    throw new Error('the ordinary page must not name the case');
  }
  return html;
}

// ——————————————————————————— all of them ———————————————————————————

/** The four pages, the same bytes for the same seed. */
export function generateBenchPages(seed = 2024_06_25): BenchPage[] {
  const cases = readCases();
  return [
    {
      name: 'case-1mb',
      description: 'French live coverage of the case, ~1 MB',
      aboutCase: true,
      html: casePage(cases, new Dice(seed + 1), 1_000_000),
    },
    {
      name: 'feed-5mb',
      description: 'feed of 2,000 posts, a third about the case, ~5 MB',
      aboutCase: true,
      html: feedPage(cases, new Dice(seed + 2), 2000),
    },
    {
      name: 'coco-unrelated-1mb',
      description: '"coco" everywhere, never the case, ~1 MB',
      aboutCase: false,
      html: unrelatedPage(cases, new Dice(seed + 3), 1_000_000),
    },
    {
      name: 'ordinary-200kb',
      description: 'ordinary local news, no trace of the case, 200 KB',
      aboutCase: false,
      html: ordinaryPage(new Dice(seed + 4), 200_000),
    },
  ];
}
