export function isAccessTeam(hostname: string): boolean
export function accessTeam(request: Request): Promise<Response>
