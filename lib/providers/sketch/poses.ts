import type { Pt } from "./pen";
import type { Pose } from "./words";

// Gesture skeletons for each pose.

export type Joints = {
  view: "front" | "side";
  neck: Pt;
  /** Shoulder centre (side) — front view uses shoulderL/R. */
  shoulderL: Pt;
  shoulderR: Pt;
  pelvis: Pt;
  hipL: Pt;
  hipR: Pt;
  elbowL: Pt;
  handL: Pt;
  elbowR: Pt;
  handR: Pt;
  kneeL: Pt;
  footL: Pt;
  kneeR: Pt;
  footR: Pt;
  /** Torso lean applied to the whole upper body, radians (running). */
  lift: number;
};

// Authored in figure units (standing adult = 1 high, feet at y = 0, up is negative) facing +x.
// In side view "L" is the far limb and "R" the near one.
export const POSES: Record<Pose, Joints> = {
  standing: {
    view: "front",
    neck: [0, -0.84],
    shoulderL: [-0.1, -0.812],
    shoulderR: [0.1, -0.812],
    pelvis: [0, -0.52],
    hipL: [-0.055, -0.5],
    hipR: [0.055, -0.5],
    elbowL: [-0.128, -0.655],
    handL: [-0.135, -0.5],
    elbowR: [0.128, -0.655],
    handR: [0.135, -0.5],
    kneeL: [-0.062, -0.265],
    footL: [-0.07, -0.015],
    kneeR: [0.062, -0.265],
    footR: [0.07, -0.015],
    lift: 0,
  },
  holding: {
    view: "front",
    neck: [0, -0.84],
    shoulderL: [-0.1, -0.812],
    shoulderR: [0.1, -0.812],
    pelvis: [0, -0.52],
    hipL: [-0.055, -0.5],
    hipR: [0.055, -0.5],
    elbowL: [-0.13, -0.65],
    handL: [-0.035, -0.665],
    elbowR: [0.13, -0.65],
    handR: [0.035, -0.665],
    kneeL: [-0.06, -0.265],
    footL: [-0.075, -0.015],
    kneeR: [0.06, -0.265],
    footR: [0.075, -0.015],
    lift: 0,
  },
  raising: {
    view: "front",
    neck: [0, -0.84],
    shoulderL: [-0.1, -0.812],
    shoulderR: [0.1, -0.812],
    pelvis: [0, -0.52],
    hipL: [-0.055, -0.5],
    hipR: [0.055, -0.5],
    elbowL: [-0.128, -0.655],
    handL: [-0.135, -0.5],
    elbowR: [0.135, -0.64],
    handR: [0.075, -0.8],
    kneeL: [-0.062, -0.265],
    footL: [-0.07, -0.015],
    kneeR: [0.062, -0.265],
    footR: [0.07, -0.015],
    lift: 0,
  },
  pointing: {
    view: "front",
    neck: [0, -0.84],
    shoulderL: [-0.1, -0.812],
    shoulderR: [0.1, -0.812],
    pelvis: [0, -0.52],
    hipL: [-0.055, -0.5],
    hipR: [0.055, -0.5],
    elbowL: [-0.128, -0.655],
    handL: [-0.12, -0.5],
    elbowR: [0.23, -0.81],
    handR: [0.36, -0.86],
    kneeL: [-0.07, -0.265],
    footL: [-0.09, -0.015],
    kneeR: [0.055, -0.265],
    footR: [0.065, -0.015],
    lift: 0,
  },
  walking: {
    view: "side",
    neck: [0.012, -0.84],
    shoulderL: [0.005, -0.812],
    shoulderR: [0.005, -0.812],
    pelvis: [0, -0.51],
    hipL: [0, -0.5],
    hipR: [0, -0.5],
    elbowL: [0.055, -0.665],
    handL: [0.11, -0.525],
    elbowR: [-0.045, -0.665],
    handR: [-0.075, -0.515],
    kneeL: [-0.03, -0.27],
    footL: [-0.125, -0.03],
    kneeR: [0.08, -0.27],
    footR: [0.135, -0.01],
    lift: 0,
  },
  running: {
    view: "side",
    neck: [0.085, -0.815],
    shoulderL: [0.075, -0.79],
    shoulderR: [0.075, -0.79],
    pelvis: [0, -0.5],
    hipL: [0, -0.49],
    hipR: [0, -0.49],
    elbowL: [0.17, -0.69],
    handL: [0.24, -0.78],
    elbowR: [-0.04, -0.675],
    handR: [-0.075, -0.57],
    kneeL: [-0.06, -0.285],
    footL: [-0.21, -0.16],
    kneeR: [0.17, -0.4],
    footR: [0.12, -0.17],
    lift: 0.045,
  },
  sitting: {
    view: "side",
    neck: [0.015, -0.6],
    shoulderL: [0.01, -0.575],
    shoulderR: [0.01, -0.575],
    pelvis: [0, -0.28],
    hipL: [0, -0.27],
    hipR: [0, -0.27],
    elbowL: [0.06, -0.425],
    handL: [0.19, -0.39],
    elbowR: [0.05, -0.42],
    handR: [0.18, -0.37],
    kneeL: [0.2, -0.29],
    footL: [0.19, -0.015],
    kneeR: [0.225, -0.3],
    footR: [0.225, -0.015],
    lift: 0,
  },
  riding: {
    view: "side",
    neck: [0.04, -0.6],
    shoulderL: [0.035, -0.575],
    shoulderR: [0.035, -0.575],
    pelvis: [0, -0.28],
    hipL: [0, -0.27],
    hipR: [0, -0.27],
    elbowL: [0.1, -0.43],
    handL: [0.19, -0.41],
    elbowR: [0.09, -0.425],
    handR: [0.18, -0.4],
    kneeL: [0.06, -0.15],
    footL: [0.02, 0.02],
    kneeR: [0.08, -0.15],
    footR: [0.04, 0.03],
    lift: 0,
  },
};
