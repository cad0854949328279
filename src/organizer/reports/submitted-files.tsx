/**
 * The files of one org's submission, for the issuing level: each opened through a temporary
 * link (report.file), which only the org itself and the levels above it get.
 */
import { Button, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { filesOf } from '@backend/core/reporting';
import type { FileRef } from '../../../types/reporting';
import { openDownload } from '../../platform/download';
import { callExports, callOrganizer } from '../api';

export function SubmittedFiles({ taskId, orgId }: { taskId: string; orgId: string }) {
  const [files, setFiles] = useState<{ file: FileRef; folder: string }[] | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const load = async () => {
    const res = await callOrganizer('report.get', { taskId, orgId });
    if (!res.ok) return setNote(res.error.message);
    const versions = res.data.submission?.versions ?? [];
    const latest = versions[versions.length - 1];
    setFiles(latest ? Object.values(latest.answers).flatMap(filesOf) : []);
  };
  const open = async (fileId: string) => {
    const res = await callExports('report.file', { taskId, orgId, fileId });
    setNote(res.ok ? (await openDownload(res.data)).message : res.error.message);
  };
  if (!files) {
    return (
      <Button className="btn btn--secondary report-files" onClick={() => void load()}>
        查看材料
      </Button>
    );
  }
  return (
    <View className="report-files-list">
      {files.length === 0 && <Text className="report-row__meta">没有上传的文件</Text>}
      {files.map(({ file, folder }) => (
        <Button
          key={file.fileId}
          className="btn btn--secondary report-file-open"
          onClick={() => void open(file.fileId)}
        >
          {folder}：{file.caption || file.name}
        </Button>
      ))}
      {note && <Text className="section__note">{note}</Text>}
    </View>
  );
}
