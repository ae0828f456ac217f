// The real ipcMain, importable only here (src/main/ipc): everything else receives it injected.
export { ipcMain } from 'electron'
