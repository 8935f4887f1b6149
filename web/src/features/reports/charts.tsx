import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, LabelList, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Stage } from '../../api/schemas';
import { formatCount } from '../../components/format';
import type { GenerationRow } from './CascadeSection';
import { GENERATION_COLORS, SEX_COLORS, STAGE_COLORS } from './chartColors';
import type { PartnerRow } from './PartnersSection';
import type { TrainedRow } from './TrainedSection';

/*
 * The dashboard's charts, loaded only with the dashboard (the chart library is most of its
 * weight). Each is for the eye: its section's table carries the same figures for everyone, so
 * the charts leave out the keyboard layer and the figures a screen reader would read twice.
 */

const BAR_ROW = 44;
const AXIS_FONT = { fontSize: 13, fill: '#1b1b1b' };
const formatTick = (value: number) => formatCount(value);

/** Room for a category's name beside horizontal bars: wide enough to read, never most of a phone. */
function labelWidth(labels: string[]): number {
  const longest = Math.max(...labels.map((label) => label.length));
  return Math.min(170, Math.max(80, longest * 7.5));
}

export function PartnersChart({ rows, stages }: { rows: PartnerRow[]; stages: Stage[] }) {
  const { t } = useTranslation();
  const width = labelWidth(rows.map((row) => row.label));
  const data = rows.map((row) => ({ label: row.label, ...row.stages }));
  return (
    <ResponsiveContainer width="100%" height={rows.length * BAR_ROW + 90}>
      <BarChart data={data} layout="vertical" accessibilityLayer={false} margin={{ top: 8, right: 24, bottom: 8, left: 8 }}>
        <CartesianGrid horizontal={false} stroke="#dfe1e2" />
        <XAxis type="number" allowDecimals={false} tick={AXIS_FONT} tickFormatter={formatTick} />
        <YAxis type="category" dataKey="label" width={width} tick={{ ...AXIS_FONT, width }} interval={0} />
        <Tooltip isAnimationActive={false} />
        <Legend verticalAlign="bottom" />
        {stages.map((stage) => (
          <Bar key={stage} dataKey={stage} name={t(`stages.${stage}`)} stackId="partners" fill={STAGE_COLORS[stage]} stroke="#fff" isAnimationActive={false} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}

export function TrainedChart({ rows, hasUnrecorded }: { rows: TrainedRow[]; hasUnrecorded: boolean }) {
  const { t } = useTranslation();
  const width = labelWidth(rows.map((row) => row.label));
  const series: { key: keyof typeof SEX_COLORS; name: string }[] = [
    { key: 'female', name: t('dashboard.trained.female') },
    { key: 'male', name: t('dashboard.trained.male') },
    ...(hasUnrecorded ? [{ key: 'unrecorded' as const, name: t('dashboard.trained.unrecorded') }] : []),
  ];
  return (
    <ResponsiveContainer width="100%" height={rows.length * BAR_ROW + 90}>
      <BarChart data={rows} layout="vertical" accessibilityLayer={false} margin={{ top: 8, right: 48, bottom: 8, left: 8 }}>
        <CartesianGrid horizontal={false} stroke="#dfe1e2" />
        <XAxis type="number" allowDecimals={false} tick={AXIS_FONT} tickFormatter={formatTick} />
        <YAxis type="category" dataKey="label" width={width} tick={{ ...AXIS_FONT, width }} interval={0} />
        <Tooltip isAnimationActive={false} />
        <Legend verticalAlign="bottom" />
        {series.map((entry, index) => (
          <Bar key={entry.key} dataKey={entry.key} name={entry.name} stackId="trained" fill={SEX_COLORS[entry.key]} stroke="#fff" isAnimationActive={false}>
            {/* The total at the end of each bar, as the table's last column says it. */}
            {index === series.length - 1 && <LabelList dataKey="total" position="right" formatter={(value) => formatCount(Number(value))} style={AXIS_FONT} />}
          </Bar>
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}

export function CascadeChart({ rows }: { rows: GenerationRow[] }) {
  const { t } = useTranslation();
  const data = rows.map((row) => ({ ...row, short: String(row.generation) }));
  return (
    <ResponsiveContainer width="100%" height={300}>
      <BarChart data={data} accessibilityLayer={false} margin={{ top: 24, right: 8, bottom: 24, left: 0 }}>
        <CartesianGrid vertical={false} stroke="#dfe1e2" />
        <XAxis dataKey="short" tick={AXIS_FONT} label={{ value: t('cascade.fields.generation'), position: 'insideBottom', offset: -12, ...AXIS_FONT }} />
        <YAxis allowDecimals={false} tick={AXIS_FONT} tickFormatter={formatTick} width={48} />
        <Tooltip isAnimationActive={false} labelFormatter={(_, payload) => String(payload[0]?.payload?.label ?? '')} />
        {/* Room under the legend for the tallest bar's figure. */}
        <Legend verticalAlign="top" wrapperStyle={{ paddingBottom: 20 }} />
        <Bar dataKey="peopleTrained" name={t('cascade.fields.peopleTrained')} fill={GENERATION_COLORS.peopleTrained} isAnimationActive={false}>
          <LabelList dataKey="peopleTrained" position="top" formatter={(value) => formatCount(Number(value))} style={AXIS_FONT} />
        </Bar>
        <Bar dataKey="newInstructors" name={t('cascade.fields.newInstructors')} fill={GENERATION_COLORS.newInstructors} isAnimationActive={false}>
          <LabelList dataKey="newInstructors" position="top" formatter={(value) => formatCount(Number(value))} style={AXIS_FONT} />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}
