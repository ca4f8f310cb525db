import { contextBridge, ipcRenderer } from 'electron';
import type { KetaDeskBridge } from '../shared/api';
import { INVOKE_CHANNEL } from './ipc-channel';

// The renderer gets one function and nothing else of Electron. Requests are
// validated again in main; this side only forwards.
const bridge: KetaDeskBridge = {
  invoke: (channel, input) => ipcRenderer.invoke(INVOKE_CHANNEL, channel, input),
};

contextBridge.exposeInMainWorld('ketadesk', bridge);
