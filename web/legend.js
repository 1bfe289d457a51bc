/** @file legend.js
 * @brief The colour bar legend: gradient, tick values and units of the shown variable.
 */

/** Fills `element` with the legend of `variable` (its colours, lo/hi and units). */
export function drawLegend(element, variable, aggregation) {
  element.replaceChildren();
  const title = document.createElement('div');
  title.className = 'legend-title';
  title.textContent = `${variable.name} (${aggregation})` + (variable.units ? ` [${variable.units}]` : '');
  const canvas = document.createElement('canvas');
  canvas.width = variable.colours.length;
  canvas.height = 1;
  const context = canvas.getContext('2d');
  variable.colours.forEach(([r, g, b], i) => {
    context.fillStyle = `rgb(${r},${g},${b})`;
    context.fillRect(i, 0, 1, 1);
  });
  canvas.className = 'legend-bar';
  const ticks = document.createElement('div');
  ticks.className = 'legend-ticks';
  for (let k = 0; k <= 4; ++k) {
    const span = document.createElement('span');
    span.textContent = formatNumber(variable.lo + ((variable.hi - variable.lo) * k) / 4);
    ticks.appendChild(span);
  }
  element.append(title, canvas, ticks);
}

/** A short label for a value: more decimals for small ranges. */
export function formatNumber(value) {
  if (!Number.isFinite(value)) return 'no data';
  const magnitude = Math.abs(value);
  return value.toFixed(magnitude >= 100 ? 0 : magnitude >= 1 ? 1 : 3);
}
