/**
 * Makes the small images of test/fixtures/assets (committed; run again only to change them):
 * `node --import tsx test/helpers/fixture-images.ts`. Drawn from SVG by sharp, so no photo is needed.
 */
import path from "node:path";
import sharp from "sharp";
import { FIXTURES } from "./build.ts";

const dir = path.join(FIXTURES, "assets/releases/1404/images");

const hall = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="1000">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#0b5c6b"/><stop offset="1" stop-color="#f3c36b"/></linearGradient></defs>
<rect width="1600" height="1000" fill="url(#g)"/>
<circle cx="1200" cy="300" r="180" fill="#fdfcfa" opacity="0.7"/>
<rect x="200" y="600" width="900" height="260" rx="30" fill="#073f4a" opacity="0.8"/>
</svg>`;
const chart = `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="360">
<rect width="600" height="360" fill="#ffffff"/>
<rect x="60" y="200" width="80" height="140" fill="#0b5c6b"/><rect x="200" y="120" width="80" height="220" fill="#7cc7d4"/>
<rect x="340" y="60" width="80" height="280" fill="#8a4b00"/><rect x="480" y="160" width="80" height="180" fill="#55575d"/>
</svg>`;

await sharp(Buffer.from(hall)).jpeg({ quality: 60 }).toFile(path.join(dir, "hall.jpg"));
await sharp(Buffer.from(chart)).png({ palette: true }).toFile(path.join(dir, "chart.png"));
console.log("written", dir);
