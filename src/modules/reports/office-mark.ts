/**
 * The program office's mark on the report's cover, drawn in code as SVG so the HTML and the PDF
 * show the same vector picture: a navy seal with a gold ring and a white star. No text in it,
 * so it needs no font and reads at any size.
 */
export function officeMark(size = 96): string {
  const star = Array.from({ length: 10 }, (_, i) => {
    const angle = -Math.PI / 2 + (i * Math.PI) / 5;
    const radius = i % 2 === 0 ? 26 : 10.5;
    return `${(50 + radius * Math.cos(angle)).toFixed(2)},${(52 + radius * Math.sin(angle)).toFixed(2)}`;
  }).join(' ');
  const ticks = Array.from({ length: 36 }, (_, i) => {
    const angle = (i * Math.PI) / 18;
    const [x1, y1, x2, y2] = [43, 43, 46, 46].map((r, j) => 50 + r * (j % 2 === 0 ? Math.cos(angle) : Math.sin(angle)));
    return `<line x1="${x1?.toFixed(2)}" y1="${y1?.toFixed(2)}" x2="${x2?.toFixed(2)}" y2="${y2?.toFixed(2)}" stroke="#ffbe2e" stroke-width="1.2"/>`;
  }).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100" width="${size}" height="${size}" role="img" aria-label="Office mark">` +
    '<circle cx="50" cy="50" r="49" fill="#1a4480"/><circle cx="50" cy="50" r="40" fill="none" stroke="#ffbe2e" stroke-width="2.5"/>' +
    `${ticks}<circle cx="50" cy="50" r="35" fill="#162e51"/><polygon points="${star}" fill="#ffffff"/>` +
    '<path d="M 26 74 Q 50 86 74 74" fill="none" stroke="#ffbe2e" stroke-width="2.5" stroke-linecap="round"/></svg>';
}
