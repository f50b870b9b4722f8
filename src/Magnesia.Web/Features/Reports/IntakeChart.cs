using Magnesia.Intake;
using ScottPlot;

namespace Magnesia.Web.Features.Reports;

/// <summary>
/// The period chart, drawn on the server so that it reads without JavaScript and the same picture goes into the PDF:
/// daily magnesium from food with supplements stacked on top, the EAR–RDA band, the supplemental UL (which counts
/// supplements only: IOM 1997) and symptom markers on the same time axis.
/// </summary>
internal static class IntakeChart
{
    public const int Width = 900;
    public const int Height = 360;

    public static Plot Draw(PeriodReport period)
    {
        var plot = new Plot();
        var food = Color.FromHex("#2f6f4e");
        var supplement = Color.FromHex("#d08c1a");
        var bars = new List<Bar>();
        foreach (var d in period.Days.Where(d => d.Logged))
        {
            var x = d.Date.ToDateTime(TimeOnly.MinValue).ToOADate();
            var f = d.MagnesiumFood.Milligrams;
            var s = d.MagnesiumSupplement.Milligrams;
            bars.Add(new Bar { Position = x, ValueBase = 0, Value = f, FillColor = food, LineWidth = 0, Size = 0.8 });
            if (s > 0)
                bars.Add(new Bar { Position = x, ValueBase = f, Value = f + s, FillColor = supplement, LineWidth = 0, Size = 0.8 });
        }

        plot.Add.Bars(bars);
        // The band and lines follow the life stage of the period's last day (a birthday or pregnancy can move them).
        var last = period.Days[^1].Dri;
        if (last.Ear is { } ear && last.Rda is { } rda)
        {
            // A span across the whole x range between two y values (ScottPlot calls it vertical: it spans y).
            var band = plot.Add.VerticalSpan(ear.Milligrams, rda.Milligrams);
            band.FillStyle.Color = Color.FromHex("#2f6f4e").WithAlpha(0.15);
            band.LineStyle.Width = 0;
            band.LegendText = $"EAR–RDA {ear.Milligrams:0}–{rda.Milligrams:0} mg";
        }
        else if (last.Ai is { } ai)
        {
            var line = plot.Add.HorizontalLine(ai.Milligrams);
            line.LegendText = $"AI {ai.Milligrams:0} mg";
        }

        if (last.SupplementalUl is { } ul && period.Days.Any(d => d.MagnesiumSupplement.Milligrams > 0))
        {
            var line = plot.Add.HorizontalLine(ul.Milligrams);
            line.Color = supplement;
            line.LinePattern = LinePattern.Dashed;
            line.LegendText = $"supplemental UL {ul.Milligrams:0} mg (supplements only)";
        }

        var top = Math.Max(period.Days.Max(d => d.MagnesiumTotal.Milligrams), (last.Rda ?? last.Ai)?.Milligrams ?? 0) * 1.12 + 10;
        var symptomDays = period.Days.Where(d => d.Symptoms.Count > 0).ToList();
        if (symptomDays.Count > 0)
        {
            double[] xs = [.. symptomDays.Select(d => d.Date.ToDateTime(TimeOnly.MinValue).ToOADate())];
            double[] ys = [.. symptomDays.Select(_ => top * 0.96)];
            var marks = plot.Add.ScatterPoints(xs, ys);
            marks.Color = Color.FromHex("#b3261e");
            marks.MarkerShape = MarkerShape.FilledTriangleDown;
            marks.MarkerSize = 9;
            marks.LegendText = "symptom noted";
        }

        plot.Add.Bar(new Bar { Position = double.NaN, Value = 0, FillColor = food }).LegendText = "food";
        plot.Add.Bar(new Bar { Position = double.NaN, Value = 0, FillColor = supplement }).LegendText = "supplements";
        var time = plot.Axes.DateTimeTicksBottom();
        if (time.TickGenerator is ScottPlot.TickGenerators.DateTimeAutomatic ticks)
            ticks.LabelFormatter = d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        plot.Font.Set("DejaVu Sans");
        plot.Axes.SetLimitsX(period.From.AddDays(-1).ToDateTime(TimeOnly.MinValue).ToOADate(), period.To.AddDays(1).ToDateTime(TimeOnly.MinValue).ToOADate());
        plot.Axes.SetLimitsY(0, top);
        plot.YLabel("magnesium, mg/day");
        plot.ShowLegend(Edge.Bottom);
        return plot;
    }

    public static string Svg(PeriodReport period) => Draw(period).GetSvgXml(Width, Height);

    public static byte[] Png(PeriodReport period, int width = Width, int height = Height) => Draw(period).GetImageBytes(width, height, ImageFormat.Png);
}
