import type { CSSProperties } from "react";
import type { StylePreset } from "@/lib/planner/constants";

// Each style preset drawn in CSS alone (no images): a tiny scene in the preset's look.

export const STYLE_SWATCHES: Record<StylePreset, CSSProperties> = {
  "pencil-sketch": {
    backgroundColor: "#e8e3d6",
    backgroundImage: [
      "radial-gradient(circle at 70% 38%, transparent 13%, rgba(50,50,50,.75) 13.5%, transparent 15%)",
      "linear-gradient(172deg, transparent 58%, rgba(40,40,40,.7) 58.6%, transparent 60%)",
      "repeating-linear-gradient(45deg, rgba(60,60,60,.28) 0 1px, transparent 1px 5px)",
      "linear-gradient(180deg, transparent 60%, rgba(0,0,0,.08))",
    ].join(","),
    backgroundSize: "100% 100%, 100% 100%, 100% 45%, 100% 100%",
    backgroundPosition: "0 0, 0 0, 0 100%, 0 0",
    backgroundRepeat: "no-repeat",
  },
  cinematic: {
    backgroundImage: [
      "linear-gradient(180deg, #000 0 14%, transparent 14% 86%, #000 86%)",
      "radial-gradient(ellipse at 65% 62%, rgba(255,170,90,.95) 0 6%, rgba(255,140,60,.35) 14%, transparent 36%)",
      "linear-gradient(180deg, #0e2a33 14%, #1d4a55 50%, #c8773a 63%, #3a1c10 64%, #120a07 86%)",
    ].join(","),
  },
  anime: {
    backgroundImage: [
      "radial-gradient(ellipse 28% 14% at 30% 32%, #fff 60%, transparent 62%)",
      "radial-gradient(ellipse 18% 10% at 42% 28%, #fff 60%, transparent 62%)",
      "radial-gradient(ellipse 90% 40% at 50% 108%, #3fae6a 60%, transparent 61%)",
      "radial-gradient(ellipse 70% 35% at 95% 100%, #2f8f55 60%, transparent 61%)",
      "linear-gradient(180deg, #5fb4ff, #a9dcff 55%, #ffd6ea)",
    ].join(","),
  },
  comic: {
    backgroundColor: "#ffd23f",
    backgroundImage: [
      "conic-gradient(from 0deg at 68% 45%, #e63946 0 8%, transparent 8% 14%, #e63946 14% 22%, transparent 22% 30%, #e63946 30% 38%, transparent 38% 46%, #e63946 46% 54%, transparent 54% 62%, #e63946 62% 70%, transparent 70% 78%, #e63946 78% 86%, transparent 86% 94%, #e63946 94%)",
      "radial-gradient(rgba(0,0,0,.55) 1.2px, transparent 1.4px)",
    ].join(","),
    backgroundSize: "100% 100%, 7px 7px",
    boxShadow: "inset 0 0 0 3px #111",
  },
  watercolor: {
    backgroundColor: "#f4efe4",
    backgroundImage: [
      "radial-gradient(ellipse 45% 40% at 30% 40%, rgba(88,150,220,.55), transparent 70%)",
      "radial-gradient(ellipse 40% 35% at 70% 55%, rgba(235,120,150,.45), transparent 70%)",
      "radial-gradient(ellipse 50% 30% at 55% 85%, rgba(120,190,120,.5), transparent 70%)",
      "radial-gradient(ellipse 25% 25% at 78% 25%, rgba(250,200,90,.55), transparent 70%)",
    ].join(","),
  },
  noir: {
    backgroundImage: [
      "repeating-linear-gradient(160deg, rgba(255,255,255,.5) 0 5px, transparent 5px 12px)",
      "radial-gradient(ellipse at 35% 40%, rgba(255,255,255,.6), transparent 55%)",
      "linear-gradient(180deg, #1a1a1a, #050505)",
    ].join(","),
    backgroundSize: "60% 100%, 100% 100%, 100% 100%",
    backgroundPosition: "10% 0, 0 0, 0 0",
    backgroundRepeat: "no-repeat",
    filter: "grayscale(1) contrast(1.2)",
  },
  photoreal: {
    backgroundImage: [
      "radial-gradient(circle at 72% 52%, #fff7d6 0 5%, rgba(255,214,140,.6) 9%, transparent 26%)",
      "linear-gradient(180deg, #4f86c6 0%, #9cc3e6 40%, #f0c98f 58%, #6d6a4a 60%, #3b3a29 100%)",
    ].join(","),
  },
  "3d-render": {
    backgroundImage: [
      "radial-gradient(circle at 42% 40%, #b9c8ff 0, #6f7fe0 18%, #2d3590 30%, transparent 31%)",
      "radial-gradient(ellipse 30% 7% at 50% 74%, rgba(0,0,0,.45), transparent 70%)",
      "linear-gradient(180deg, #d9d4ee 0 62%, #b7b0d6 62% 100%)",
    ].join(","),
  },
};
