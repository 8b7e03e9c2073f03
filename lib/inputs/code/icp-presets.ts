import type { Audience } from "./understand-code";

// Ideal-customer presets: who the board speaks to and what hurts them. Data, so a person can add
// one by appending an entry (seed 002 ships coperniq_mep).

export type IcpPreset = {
  label: string;
  industry: string;
  pains: string[];
  people: Record<Audience, string>;
};

export const ICP_PRESETS: Record<string, IcpPreset> = {
  coperniq_mep: {
    label: "MEP contractors",
    industry: "mechanical, electrical and plumbing contracting",
    pains: ["quotes and change orders typed up by hand", "crews waiting on paperwork between jobs", "margins lost to rework nobody tracked"],
    people: {
      business_owner: "the owner of an MEP contracting firm",
      c_suite: "the COO of a multi-branch MEP contractor",
      btl_champion: "the operations manager who runs the crews",
    },
  },
};

export const GENERIC_PEOPLE: Record<Audience, string> = {
  business_owner: "a business owner",
  c_suite: "an executive team",
  btl_champion: "the team lead who uses it every day",
};
