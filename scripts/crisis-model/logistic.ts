// Linear models over sparse binary features, trained deterministically: full-batch gradient steps
// (Adam) from zero weights, examples in a fixed order, a fixed number of steps. The same data
// therefore gives the same weights on every run, and the committed model can be checked against a
// fresh training run (test/safety/crisis-model.test.ts).

/** A query as the model sees it: the indices of its features and the value each one has. */
export interface SparseRow {
  indices: Int32Array;
  /** Every feature of a row has this value: 1 / sqrt(feature count), so long queries do not outweigh short ones. */
  value: number;
}

export interface TrainOptions {
  steps: number;
  learningRate: number;
  /** L2 penalty on the weights (not on the bias). */
  l2: number;
}

export const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** Adam's update of weights in place from a full-batch gradient. */
class Adam {
  private readonly m: Float64Array;
  private readonly v: Float64Array;
  private step = 0;
  constructor(
    size: number,
    private readonly rate: number,
  ) {
    this.m = new Float64Array(size);
    this.v = new Float64Array(size);
  }
  apply(weights: Float64Array, gradient: Float64Array): void {
    this.step++;
    const [b1, b2] = [0.9, 0.999];
    const correct1 = 1 - b1 ** this.step;
    const correct2 = 1 - b2 ** this.step;
    for (let i = 0; i < weights.length; i++) {
      const g = gradient[i] ?? 0;
      const m = (this.m[i] = b1 * (this.m[i] ?? 0) + (1 - b1) * g);
      const v = (this.v[i] = b2 * (this.v[i] ?? 0) + (1 - b2) * g * g);
      weights[i] = (weights[i] ?? 0) - (this.rate * (m / correct1)) / (Math.sqrt(v / correct2) + 1e-8);
    }
  }
}

/**
 * Weighted logistic regression: is the example at risk? Returns the weights, the bias last.
 * `weights[i]` is how much a row's example counts in the loss (used to balance the classes).
 */
export function trainBinary(
  rows: readonly SparseRow[],
  labels: readonly boolean[],
  weights: readonly number[],
  size: number,
  options: TrainOptions,
): Float64Array {
  const w = new Float64Array(size + 1);
  const gradient = new Float64Array(size + 1);
  const adam = new Adam(size + 1, options.learningRate);
  const total = weights.reduce((a, b) => a + b, 0);
  for (let step = 0; step < options.steps; step++) {
    gradient.fill(0);
    rows.forEach((row, r) => {
      let z = w[size] ?? 0;
      for (const i of row.indices) z += (w[i] ?? 0) * row.value;
      const error = ((sigmoid(z) - (labels[r] ? 1 : 0)) * (weights[r] ?? 0)) / total;
      for (const i of row.indices) gradient[i] = (gradient[i] ?? 0) + error * row.value;
      gradient[size] = (gradient[size] ?? 0) + error;
    });
    for (let i = 0; i < size; i++) gradient[i] = (gradient[i] ?? 0) + options.l2 * (w[i] ?? 0);
    adam.apply(w, gradient);
  }
  return w;
}

/**
 * Multinomial logistic regression: which of `classes` categories? Weights are feature-major
 * (`w[feature * classes + k]`), the biases after them.
 */
export function trainSoftmax(
  rows: readonly SparseRow[],
  labels: readonly number[],
  classes: number,
  size: number,
  options: TrainOptions,
): Float64Array {
  const w = new Float64Array((size + 1) * classes);
  const gradient = new Float64Array(w.length);
  const adam = new Adam(w.length, options.learningRate);
  const z = new Float64Array(classes);
  for (let step = 0; step < options.steps; step++) {
    gradient.fill(0);
    rows.forEach((row, r) => {
      scoreClasses(w, row, classes, size, z);
      const max = Math.max(...z);
      let sum = 0;
      for (let k = 0; k < classes; k++) sum += Math.exp((z[k] ?? 0) - max);
      for (let k = 0; k < classes; k++) {
        const error = (Math.exp((z[k] ?? 0) - max) / sum - (labels[r] === k ? 1 : 0)) / rows.length;
        for (const i of row.indices) gradient[i * classes + k] = (gradient[i * classes + k] ?? 0) + error * row.value;
        gradient[size * classes + k] = (gradient[size * classes + k] ?? 0) + error;
      }
    });
    for (let i = 0; i < size * classes; i++) gradient[i] = (gradient[i] ?? 0) + options.l2 * (w[i] ?? 0);
    adam.apply(w, gradient);
  }
  return w;
}

export function scoreClasses(w: Float64Array, row: SparseRow, classes: number, size: number, into: Float64Array): void {
  for (let k = 0; k < classes; k++) {
    let s = w[size * classes + k] ?? 0;
    for (const i of row.indices) s += (w[i * classes + k] ?? 0) * row.value;
    into[k] = s;
  }
}
