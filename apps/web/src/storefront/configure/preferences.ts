/**
 * "Help me choose" (帮我选): a customer's answers to a few questions -> preference weights over
 * option codes, for `completeSelection` with the `preferences` objective. The demo models name
 * options by what they are (`drive-4wd-lock`, `seats-7`, `adas-city`), so keywords on option
 * codes carry across model lines; options no answer mentions weigh 0 and the engine then picks
 * the cheaper one.
 */
import type { Model } from '@openc2b/configurator';

export const USES = ['family', 'city', 'outdoor', 'business'] as const;
export type Use = (typeof USES)[number];
export const PRIORITIES = ['comfort', 'technology', 'economy', 'offroad'] as const;
export type Priority = (typeof PRIORITIES)[number];
export const SEAT_CHOICES = ['any', '5', '6', '7', '8+'] as const;
export type SeatChoice = (typeof SEAT_CHOICES)[number];

export type Answers = {
  use: Use;
  seats: SeatChoice;
  /** Most the customer wants to spend, minor units; undefined = no limit. */
  budget: number | undefined;
  priorities: Priority[];
};

type Cue = { pattern: RegExp; weight: number };

// Option-code keywords per answer, weights in points. Seats weigh most: a layout is a need.
const USE_CUES: Record<Use, Cue[]> = {
  family: [
    {
      pattern: /^pkg-family$|^child-|^rse-|^sunshade|^r3-|^ac-tri$|^door-power$|^tailgate-(power|kick)$/,
      weight: 6,
    },
    { pattern: /^purifier|^park-360$|^adas-l2/, weight: 3 },
  ],
  city: [
    { pattern: /^park-(360|apa)$|^adas-(noa|l2)|^qi-|^dashcam-|^cam-(rear|360)$/, weight: 5 },
    { pattern: /^(eng-phev|eng-ev|drive-2wd|drive-rwd|charger-)/, weight: 4 },
  ],
  outdoor: [
    {
      pattern:
        /^(drive-4wd|drive-awd|drive-ev-awd)|^tyre-at$|^pkg-offroad$|^rack-|^camp-|^roof-tent|^tent-|^awning-|^bike-|^spare-full$/,
      weight: 6,
    },
    { pattern: /^style-offroad$|^v2l-|^outlet-|^power-|^step-/, weight: 3 },
  ],
  business: [
    {
      pattern: /^seats-6-(exec|captain)$|^mat-nappa$|^pkg-business$|^r2-massage$|^softclose-|^inlay-walnut$/,
      weight: 6,
    },
    { pattern: /^audio-(12|20)$|^paint-(obsidian|night|carbon)-black$|^fridge-|^seat-leather$/, weight: 3 },
  ],
};

const PRIORITY_CUES: Record<Priority, Cue[]> = {
  comfort: [
    {
      pattern:
        /^susp-(air|cdc)$|^fcomfort-|^r2-|^mat-(leather|nappa)$|^seat-(leather|heat)|^fseat-(memory|both)$/,
      weight: 5,
    },
    {
      pattern: /^ac-(tri|auto)$|^audio-12$|^purifier-|^ambient-|^steer-heated$|^pkg-comfort$|^softclose-/,
      weight: 3,
    },
  ],
  technology: [
    {
      pattern:
        /^adas-(city|noa|l2-360|l2)$|^hud-|^screen-(triple|large|123|dual)$|^park-apa$|^lamp-(matrix|dlp)$/,
      weight: 5,
    },
    { pattern: /^night-vision|^pkg-tech$|^qi-all$|^audio-20$|^cam-360$|^dashcam-dual$/, weight: 3 },
  ],
  economy: [{ pattern: /^(eng-phev|eng-ev|drive-2wd|drive-rwd|susp-comfort|maint-)/, weight: 5 }],
  offroad: [
    {
      pattern: /^drive-4wd-lock$|^pkg-offroad$|^tyre-(at|mt)$|^winch-|^snorkel-|^wheel-.*(rugged|beadlock)/,
      weight: 6,
    },
    {
      pattern: /^drive-(4wd|awd)$|^style-offroad$|^step-rock|^cooling-hd$|^spare-full$|^leaf-heavy$/,
      weight: 4,
    },
  ],
};

const SEAT_WEIGHT = 40;

function seatCount(code: string): number | undefined {
  const match = /^seats-(\d+)/.exec(code);
  return match?.[1] ? Number(match[1]) : undefined;
}

function seatsMatch(choice: SeatChoice, seats: number): boolean {
  if (choice === 'any') return false;
  if (choice === '8+') return seats >= 8;
  return seats === Number(choice);
}

/** Weights for every option of `model` that some answer speaks for (positive integers). */
export function preferenceWeights(model: Pick<Model, 'families'>, answers: Answers): Record<string, number> {
  const cues = [...USE_CUES[answers.use], ...answers.priorities.flatMap((p) => PRIORITY_CUES[p])];
  const weights: Record<string, number> = {};
  for (const family of model.families) {
    for (const option of family.options) {
      let weight = cues.reduce((sum, cue) => (cue.pattern.test(option.code) ? sum + cue.weight : sum), 0);
      const seats = seatCount(option.code);
      if (seats !== undefined && seatsMatch(answers.seats, seats)) weight += SEAT_WEIGHT;
      if (weight > 0) weights[option.code] = weight;
    }
  }
  return weights;
}
