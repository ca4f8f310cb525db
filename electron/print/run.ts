import { BrowserWindow, dialog, type WebContents } from 'electron';
import { writeFile } from 'node:fs/promises';
import type { Result } from '../../shared/result';
import type { PrintResult } from '../../shared/schemas/print';
import { pdfOptions, printOptions, saveDialogOptions } from './plan';

// The Electron half of printing: kept thin, because Electron cannot run in the
// test environment. The plan (file name, paper) comes from the handler table.

export async function runPrint(
  sender: WebContents,
  action: 'print' | 'save-pdf',
  plan: PrintResult,
): Promise<Result<PrintResult>> {
  try {
    if (action === 'print') {
      const printed = await new Promise<boolean>((resolve) => sender.print(printOptions(plan.paperSize), (ok) => resolve(ok)));
      return { ok: true, data: { ...plan, outcome: printed ? 'printed' : 'cancelled' } };
    }
    const window = BrowserWindow.fromWebContents(sender);
    const options = saveDialogOptions(plan.fileName);
    const choice = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
    if (choice.canceled || !choice.filePath) return { ok: true, data: { ...plan, outcome: 'cancelled' } };
    await writeFile(choice.filePath, await sender.printToPDF(pdfOptions(plan.paperSize)));
    return { ok: true, data: { ...plan, outcome: 'saved' } };
  } catch (err) {
    console.error('[ketadesk] printing failed:', err);
    return { ok: false, error: { code: 'internal', message: 'The printout could not be printed or saved. Please try again.' } };
  }
}
