using System.Globalization;
using Magnesia.Data.Contracts;
using Magnesia.Intake;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace Magnesia.Web.Features.Reports;

/// <summary>What the clinician's PDF shows: the period, its chart, the assessment and the plans (null where they could not be made).</summary>
public sealed record ClinicianReport(
    PeriodReport Period, PeriodResponse Summary, string LifeStage, AssessmentResponse Assessment, FoodPlanResponse? FoodPlan,
    SupplementPlanResponse? SupplementPlan, DateOnly Generated);

/// <summary>
/// The period report as a PDF for a clinician (PDFsharp 6.2.4, MIT): summary, chart (the same ScottPlot chart as the
/// Trends page), the daily table, top foods, symptoms, the combined assessment and the plans, with the sources.
/// </summary>
internal static class ReportPdf
{
    private const double Margin = 48;
    private static readonly Lazy<bool> Fonts = new(() =>
    {
        GlobalFontSettings.FontResolver ??= new EmbeddedFonts();
        return true;
    });

    public static byte[] Render(ClinicianReport r)
    {
        _ = Fonts.Value;
        var document = new PdfDocument();
        document.Info.Title = $"Magnesium report {r.Summary.From:yyyy-MM-dd} to {r.Summary.To:yyyy-MM-dd}";
        document.Info.Creator = "Magnesia";
        var w = new Writer(document);
        w.Heading($"Magnesium intake report, {r.Summary.From:yyyy-MM-dd} to {r.Summary.To:yyyy-MM-dd}", 16);
        w.Line($"Life stage: {r.LifeStage}. Generated {r.Generated:yyyy-MM-dd} by Magnesia. A reference tool, not medical advice.", 9);
        w.Space(6);
        var s = r.Summary;
        w.Heading("Summary", 12);
        w.Line($"{s.DaysLogged} of {s.Days} days logged; {s.DaysBelowEar} logged days below the EAR.");
        if (s.Means is { } m)
        {
            w.Line(Invariant($"Mean per logged day: magnesium {m.MagnesiumTotalMg:0} mg (food {m.MagnesiumFoodMg:0}, supplements {m.MagnesiumSupplementMg:0}) = {m.PercentOfRda:0.#} % of the RDA;"));
            w.Line(Invariant($"calcium {m.CalciumMg:0} mg, potassium {m.PotassiumMg:0} mg, energy {m.EnergyKcal:0} kcal."));
        }

        w.Space(6);
        w.Image(IntakeChart.Png(r.Period, 750, 300), 500, 200);
        w.Line("Bars: magnesium from food (green) with supplements stacked (amber); band: EAR–RDA; dashed: supplemental UL (supplements only); triangles: symptoms.", 8);
        w.Space(8);

        w.Heading("Assessment", 12);
        var a = r.Assessment;
        w.Line(a.Intake is { } i ? Invariant($"Usual intake {i.MeanMagnesiumMg:0} mg/day over {i.DaysLogged} logged days = {i.MeanPercentOfRda:0.#} % of the RDA.") : "Intake: nothing logged in the window.");
        w.Line(a.Serum is { } sm ? Invariant($"Serum magnesium {sm.Result.MmolPerL:0.00} mmol/L ({sm.Result.MgPerDl:0.00} mg/dL) on {sm.Date:yyyy-MM-dd}: {sm.Result.Category}.") : "Serum magnesium: no result.");
        w.Line(a.Kidney is { } k ? Invariant($"eGFR {k.EgfrMlMin173m2:0.#} mL/min/1.73 m² ({k.Equation}, {k.Date:yyyy-MM-dd}): {k.Stage}.") : "eGFR: no creatinine result.");
        w.Line(a.Mds is { } mds ? $"Magnesium Depletion Score {mds.Score} of 5 ({mds.Category})." : "Magnesium Depletion Score: needs eGFR and answers.");
        w.Line(Invariant($"HOMA-IR {Value(a.Metabolic.HomaIr, "0.00")}, QUICKI {Value(a.Metabolic.Quicki, "0.000")}, TyG {Value(a.Metabolic.Tyg, "0.00")}."));
        w.Line($"Screening: {a.Screening.Points} points — {a.Screening.Category}.");
        foreach (var f in a.Evidence?.Findings ?? [])
            w.Line($"{f.Study} ({f.Outcome}): {f.Applied}", 8);
        w.Space(8);

        w.Heading("Plan", 12);
        if (r.FoodPlan is { } fp)
        {
            w.Line(Invariant($"Foods ({fp.Mode}, target {fp.TargetMg:0} mg, gap {fp.GapMg:0} mg): {fp.Status}."));
            foreach (var item in fp.Items)
                w.Line(Invariant($"  {item.Portion.Quantity:0.##} × {item.Portion.Description} {item.Name} ({item.Grams:0} g): {item.MagnesiumMg:0} mg, {item.EnergyKcal:0} kcal"), 9);
        }
        else
        {
            w.Line("Food plan: needs logged days.");
        }

        if (r.SupplementPlan is { } sp)
        {
            w.Line(sp.ElementalMg > 0
                ? Invariant($"Supplement: {sp.ElementalMg:0.#} mg elemental magnesium a day{(sp.Form is null ? "" : $" as {sp.Form}")}, within the supplemental UL {Value(sp.SupplementalUlMg, "0")} mg; doses at {string.Join(", ", sp.Schedule.Select(d => d.Time))}.")
                : "Supplement: none planned.");
            foreach (var warning in sp.Warnings)
                w.Line("  ! " + warning, 9);
        }

        w.Space(8);
        w.Heading("Daily magnesium", 12);
        w.Row(["date", "food mg", "suppl. mg", "total mg", "% RDA", "status"], bold: true);
        foreach (var d in s.Series.Where(d => d.Logged))
            w.Row([d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Invariant($"{d.MagnesiumFoodMg:0}"), Invariant($"{d.MagnesiumSupplementMg:0}"), Invariant($"{d.MagnesiumTotalMg:0}"), Invariant($"{d.PercentOfRda:0.#}"), d.Category]);
        if (s.TopFoods.Count > 0)
        {
            w.Space(8);
            w.Heading("Top foods by magnesium", 12);
            foreach (var t in s.TopFoods)
                w.Line(Invariant($"{t.Name}: {t.MagnesiumMg:0} mg over {t.Entries} entries"), 9);
        }

        if (s.Symptoms.Count > 0)
        {
            w.Space(8);
            w.Heading("Symptoms", 12);
            foreach (var sy in s.Symptoms)
                w.Line($"{sy.Name}: {sy.Count} day(s), worst severity {sy.MaxSeverity}", 9);
        }

        w.Space(8);
        w.Line("Sources: DRIs IOM 1997 (NIH ODS Magnesium fact sheet, Table 1); foods USDA SR28; eGFR CKD-EPI 2021 (Inker 2021); MDS Fan 2021; HOMA-IR Matthews 1985; QUICKI Katz 2000; TyG Simental-Mendía 2008; metabolic syndrome Alberti 2009.", 8);
        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    private static string Value(double? v, string format) => v is { } x ? x.ToString(format, CultureInfo.InvariantCulture) : "–";

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    // Lays text out top to bottom, starting a new page when the current one is full.
    private sealed class Writer(PdfDocument document)
    {
        private PdfPage? _page;
        private XGraphics? _gfx;
        private double _y;

        private XGraphics Gfx(double need)
        {
            if (_gfx is null || _y + need > _page!.Height.Point - Margin)
            {
                _gfx?.Dispose();
                _page = document.AddPage();
                _page.Size = PdfSharp.PageSize.A4;
                _gfx = XGraphics.FromPdfPage(_page);
                _y = Margin;
            }

            return _gfx;
        }

        public void Heading(string text, double size) => Text(text, size, XFontStyleEx.Bold);

        public void Line(string text, double size = 10) => Text(text, size, XFontStyleEx.Regular);

        public void Space(double points) => _y += points;

        private void Text(string text, double size, XFontStyleEx style)
        {
            var font = new XFont("DejaVu Sans", size, style);
            var width = (_page?.Width.Point ?? 595) - 2 * Margin;
            foreach (var line in Wrap(text, font, width))
            {
                var g = Gfx(size * 1.4);
                g.DrawString(line, font, XBrushes.Black, new XRect(Margin, _y, width, size * 1.4), XStringFormats.TopLeft);
                _y += size * 1.4;
            }
        }

        public void Row(IReadOnlyList<string> cells, bool bold = false)
        {
            var font = new XFont("DejaVu Sans", 9, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);
            var g = Gfx(13);
            double[] widths = [80, 70, 70, 70, 60, 110];
            var x = Margin;
            for (var i = 0; i < cells.Count; i++)
            {
                g.DrawString(cells[i], font, XBrushes.Black, new XRect(x, _y, widths[i], 13), i is 0 or 5 ? XStringFormats.TopLeft : XStringFormats.TopRight);
                x += widths[i] + 6;
            }

            _y += 13;
        }

        public void Image(byte[] png, double width, double height)
        {
            var g = Gfx(height);
            using var stream = new MemoryStream(png);
            using var image = XImage.FromStream(stream);
            g.DrawImage(image, Margin, _y, width, height);
            _y += height;
        }

        private IEnumerable<string> Wrap(string text, XFont font, double width)
        {
            var g = Gfx(0);
            var line = "";
            foreach (var word in text.Split(' '))
            {
                var next = line.Length == 0 ? word : line + " " + word;
                if (line.Length > 0 && g.MeasureString(next, font).Width > width)
                {
                    yield return line;
                    line = word;
                }
                else
                {
                    line = next;
                }
            }

            if (line.Length > 0)
                yield return line;
        }
    }

    // PDFsharp on Linux has no system font lookup: serve DejaVu Sans from the assembly.
    private sealed class EmbeddedFonts : IFontResolver
    {
        public FontResolverInfo? ResolveTypeface(string familyName, bool isBold, bool isItalic) =>
            new(isBold ? "DejaVuSans-Bold" : "DejaVuSans");

        public byte[]? GetFont(string faceName)
        {
            using var stream = typeof(ReportPdf).Assembly.GetManifestResourceStream($"Magnesia.Web.Fonts.{faceName}.ttf")
                ?? throw new InvalidOperationException($"font {faceName} is not embedded");
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }
    }
}
