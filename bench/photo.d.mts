export function benchPhoto(bytes: number, seed: number): Uint8Array
