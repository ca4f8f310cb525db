/** The single IPC channel; the contract's action name travels as its first argument. */
export const INVOKE_CHANNEL = 'ketadesk:invoke';
