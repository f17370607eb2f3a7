/**
 * Hands the loaded data set to Eleventy. `npm run build` loads and validates content before Eleventy
 * starts (to print every error and stop early) and preloads the result here, so it is not loaded
 * twice; the dev server loads afresh on every rebuild.
 */
import { createChaparData, noAssets, type ChaparData, type ChaparDataOptions } from "./data.ts";

let preloaded: ChaparData | undefined;

export function preloadChaparData(data: ChaparData): void {
  preloaded = data;
}

function take(options: ChaparDataOptions): ChaparData {
  // A preloaded data set was made before the stylesheet's name was known: give it the real assets.
  const data = preloaded ? { ...preloaded, assets: { ...noAssets(), ...options.assets } } : createChaparData(options);
  preloaded = undefined;
  take.last = data;
  return data;
}
take.last = undefined as ChaparData | undefined;

export const takeChaparData = take;
