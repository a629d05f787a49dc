export const SHAPES: Record<string, (bytes: number) => unknown>
export function shapeBody(name: string, bytes: number): string
