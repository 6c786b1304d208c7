import { useState, type RefObject } from 'react';
import { App, Button, Space } from 'antd';
import { FileExcelOutlined, PictureOutlined } from '@ant-design/icons';
import { useErrorText } from '../../components/errors';
import { useT } from '../../i18n/I18nProvider';
import { saveUrl, saveXlsx, type TXlsxTable } from './downloads';
import type { TChartHandle } from '../../components/EChart';

type TProps = {
  /** File name without extension. */
  fileName: string;
  /** The card's title, added to the buttons' accessible names (several cards have the same buttons). */
  title: string;
  /** The tables of the XLSX file, built on click; no Excel button without it. */
  tables?: () => TXlsxTable[];
  /** The chart saved as PNG; no PNG button without it. */
  chart?: RefObject<TChartHandle | null>;
  disabled?: boolean;
};

/** "Download table (Excel)" and "Download chart (PNG)" buttons of a card. */
export const DownloadButtons = ({ fileName, title, tables, chart, disabled = false }: TProps) => {
  const t = useT();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [exporting, setExporting] = useState(false);

  const downloadTable = async () => {
    if (!tables) return;
    setExporting(true);
    try {
      await saveXlsx(tables(), `${fileName}.xlsx`);
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setExporting(false);
    }
  };

  const downloadChart = () => {
    const url = chart?.current?.toPng();
    if (url) saveUrl(url, `${fileName}.png`);
  };

  return (
    <Space wrap size={4}>
      {tables && (
        <Button
          size="small"
          icon={<FileExcelOutlined />}
          loading={exporting}
          disabled={disabled}
          aria-label={`${t('indicators.downloadXlsx')} – ${title}`}
          onClick={() => void downloadTable()}
        >
          {t('indicators.downloadXlsx')}
        </Button>
      )}
      {chart && (
        <Button size="small" icon={<PictureOutlined />} disabled={disabled} aria-label={`${t('indicators.downloadPng')} – ${title}`} onClick={downloadChart}>
          {t('indicators.downloadPng')}
        </Button>
      )}
    </Space>
  );
};
