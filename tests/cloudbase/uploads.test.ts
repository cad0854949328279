import { cloudUploadedFiles, type CloudDownload } from '../../backend/api/cloud-files';

const FILE_ID = 'cloud://prod-1a2b.7072-prod-1a2b-1300000000/uploads/0123456789abcdef0123456789abcdef.xlsx';

/** A recording stand-in for the node-sdk app's downloadFile. */
function storage(files: Record<string, Buffer>): CloudDownload & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    async downloadFile({ fileID }) {
      asked.push(fileID);
      if (!(fileID in files))
        throw Object.assign(new Error('STORAGE_FILE_NONEXIST'), { code: 'STORAGE_FILE_NONEXIST' });
      return { fileContent: files[fileID] };
    },
  };
}

describe('CloudBase uploads adapter', () => {
  it('reads an uploaded fileID under uploads/ with downloadFile', async () => {
    const app = storage({ [FILE_ID]: Buffer.from([1, 2, 3]) });
    const bytes = await cloudUploadedFiles(app).read(FILE_ID, 'openid-a', 10);
    expect(Array.from(bytes!)).toEqual([1, 2, 3]);
    expect(app.asked).toEqual([FILE_ID]);
  });

  it('refuses files over the limit, missing files and fileIDs outside uploads/', async () => {
    const exportId = 'cloud://prod-1a2b.7072/exports/0123456789abcdef0123456789abcdef.xlsx';
    const app = storage({ [FILE_ID]: Buffer.from([1, 2, 3]), [exportId]: Buffer.from([1]) });
    const uploads = cloudUploadedFiles(app);
    expect(await uploads.read(FILE_ID, 'openid-a', 2)).toBeNull();
    expect(await uploads.read(FILE_ID.replace('0123', '9999'), 'openid-a', 10)).toBeNull();
    expect(await uploads.read(exportId, 'openid-a', 10)).toBeNull();
    expect(await uploads.read('u-AAAAAAAAAAAAAAAAAAAAAA', 'openid-a', 10)).toBeNull();
    // Neither the export nor the local id reached storage.
    expect(app.asked).toEqual([FILE_ID, FILE_ID.replace('0123', '9999')]);
  });
});
