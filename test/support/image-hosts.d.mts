export function isImageHost(hostname: string): boolean
export function imageHost(request: Request): Response | Promise<Response>
