import { useEffect, useImperativeHandle, useRef, type Ref } from 'react';
import { BarChart, PieChart, type BarSeriesOption, type PieSeriesOption } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, type GridComponentOption, type LegendComponentOption, type TooltipComponentOption } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

// Only what the structure page draws: pies and bars on a canvas (keeps the chunk small).
echarts.use([PieChart, BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type TChartOption = echarts.ComposeOption<PieSeriesOption | BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>;

export type TChartHandle = {
  /** The chart as a PNG data URL (white background, double resolution). */
  toPng: () => string | null;
};

type TProps = {
  option: TChartOption;
  height: number;
  /** Accessible name of the chart (the data is also in the table next to it). */
  label: string;
  ref?: Ref<TChartHandle>;
};

/** An ECharts chart that follows the width of its container. */
export const EChart = ({ option, height, label, ref }: TProps) => {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const element = container.current;
    if (!element) return undefined;
    const instance = echarts.init(element, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  useEffect(() => {
    chart.current?.resize();
  }, [height]);

  useImperativeHandle(ref, () => ({
    toPng: () => chart.current?.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' }) ?? null,
  }));

  return <div ref={container} className="echart" style={{ height }} role="img" aria-label={label} />;
};
