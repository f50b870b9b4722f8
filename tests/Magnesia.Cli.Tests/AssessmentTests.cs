using System.Text.Json;

namespace Magnesia.Cli.Tests;

public sealed class AssessmentCommandTests
{
    [Fact]
    public async Task Egfr_Json_HasTheContractedShape()
    {
        // CKD-EPI 2021, woman 55 y, creatinine 0.9 mg/dL (= 79.56 µmol/L): 75.5 mL/min/1.73 m², KDIGO G2.
        var r = await CliRunner.RunAsync("egfr", "--creatinine", "79.56", "--creatinine-unit", "umol/L", "--age", "55", "--sex", "female", "--json");
        Assert.Equal(0, r.Exit);
        Assert.Equal(75.5, r.Json.GetProperty("egfrMlMin173m2").GetDouble());
        Assert.Equal("CKD-EPI 2021", r.Json.GetProperty("equation").GetString());
        Assert.Equal("G2", r.Json.GetProperty("category").GetString());
        Assert.Equal("G2", r.Json.GetProperty("stage").GetString()); // the old name, kept as an alias for one release
    }

    [Fact]
    public async Task Mds_FromCreatinine()
    {
        // Man 65 y, creatinine 1.5 mg/dL → eGFR 51.35 (51.3 to one decimal; <60: 2 points) + diuretic 1 + PPI 1 = 4.
        var r = await CliRunner.RunAsync("mds", "--diuretic", "yes", "--ppi", "yes", "--creatinine", "1.5", "--creatinine-unit", "mg/dL", "--age", "65", "--sex", "male", "--heavy-alcohol", "no", "--json");
        Assert.Equal(0, r.Exit);
        Assert.Equal(4, r.Json.GetProperty("score").GetInt32());
        Assert.Equal(51.3, r.Json.GetProperty("egfrMlMin173m2").GetDouble());
        Assert.Equal(4, r.Json.GetProperty("components").GetArrayLength());
    }

    [Fact]
    public async Task Metabolic_ComputesIndicesAndCriteria()
    {
        // Glucose 5.5 mmol/L (99.09 mg/dL), insulin 60 pmol/L (10 µU/mL at 6.00): HOMA-IR = 10 × 5.5 / 22.5 = 2.44;
        // TG 1.9 mmol/L (168.28 mg/dL): TyG = ln(168.28 × 99.09 / 2) = 9.03. Woman, Europid waist 85 ≥ 80, TG ≥ 150,
        // HDL 1.1 mmol/L (42.5 mg/dL) < 50: 3 criteria → present.
        var r = await CliRunner.RunAsync("metabolic", "--glucose", "5.5", "--glucose-unit", "mmol/L", "--insulin", "60", "--insulin-unit", "pmol/L",
            "--triglycerides", "1.9", "--hdl", "1.1", "--lipid-unit", "mmol/L", "--sex", "female", "--waist-cm", "85", "--population", "europid",
            "--systolic", "128", "--diastolic", "82", "--json");
        Assert.Equal(0, r.Exit);
        Assert.Equal(2.44, r.Json.GetProperty("homaIr").GetDouble());
        Assert.Equal(9.03, r.Json.GetProperty("tyg").GetDouble());
        var mets = r.Json.GetProperty("metabolicSyndrome");
        Assert.Equal(["waist", "triglycerides", "hdl"], mets.GetProperty("criteriaMet").EnumerateArray().Select(e => e.GetString()));
        Assert.True(mets.GetProperty("present").GetBoolean());
    }

    [Fact]
    public async Task Metabolic_OlderInsulinFactorChangesHoma()
    {
        var r = await CliRunner.RunAsync("metabolic", "--glucose", "5.0", "--glucose-unit", "mmol/L", "--insulin", "69.45", "--insulin-unit", "pmol/L", "--insulin-factor", "6.945", "--json");
        Assert.Equal(2.22, r.Json.GetProperty("homaIr").GetDouble());   // 10 µU/mL × 5.0 / 22.5
        Assert.Equal(JsonValueKind.Null, r.Json.GetProperty("tyg").ValueKind);
    }

    [Fact]
    public async Task Serum_ConvertsAndInterprets()
    {
        var r = await CliRunner.RunAsync("serum", "1.5", "--unit", "mEq/L", "--json");
        Assert.Equal(0, r.Exit);
        Assert.Equal(0.75, r.Json.GetProperty("mmolPerL").GetDouble());
        Assert.Equal(1.82, r.Json.GetProperty("mgPerDl").GetDouble());
        Assert.Equal(1.5, r.Json.GetProperty("meqPerL").GetDouble());
        Assert.Contains("below 0.85", r.Json.GetProperty("interpretation").GetString(), StringComparison.Ordinal);
        Assert.True(r.Json.TryGetProperty("referenceRange", out _));
        Assert.NotEmpty(r.Json.GetProperty("sources").EnumerateArray());
    }

    [Fact]
    public async Task Screen_ScoresTheAnswers()
    {
        var r = await CliRunner.RunAsync("screen", "--symptoms", "fatigue,muscle-cramps", "--medications", "ppi", "--conditions", "type-2-diabetes", "--json");
        Assert.Equal(7, r.Json.GetProperty("points").GetInt32());   // 1 + 2 + 2 + 2
        Assert.Equal("high", r.Json.GetProperty("category").GetString());
        Assert.Equal("high", r.Json.GetProperty("level").GetString()); // the old name, kept as an alias for one release
        Assert.Equal(["id", "points", "reason", "sources"], r.Json.GetProperty("items")[0].EnumerateObject().Select(p => p.Name));
        Assert.Contains("not a diagnosis", r.Json.GetProperty("disclaimer").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evidence_FromGivenIntake()
    {
        var r = await CliRunner.RunAsync("evidence", "--intake-mg", "300", "--age", "60", "--sex", "male", "--json");
        Assert.Equal(71.4, r.Json.GetProperty("percentOfRda").GetDouble());   // 300 / 420
        Assert.Equal("<75% of RDA", r.Json.GetProperty("vitalCategory").GetString());
        Assert.Equal(1.76, r.Json.GetProperty("hazardRatio").GetDouble());
        Assert.Equal([1.04, 2.96], r.Json.GetProperty("ci95").EnumerateArray().Select(e => e.GetDouble()));
    }

    [Fact]
    public async Task Assess_CombinesDiaryLabsAndScreening()
    {
        var db = await Diary.WithProfileAsync();   // woman, 34
        await Diary.RunOkAsync(db, "profile", "set", "--birth-date", "1992-01-01", "--sex", "female", "--medications", "ppi");
        await Diary.RunOkAsync(db, "log", "food", "12014", "--grams", "25", "--date", "2026-11-20");   // 148 mg
        await Diary.RunOkAsync(db, "log", "food", "11457", "--grams", "100", "--date", "2026-11-21");  // 79 mg
        await Diary.RunOkAsync(db, "log", "symptom", "muscle-cramps", "--severity", "2", "--date", "2026-11-21");
        await Diary.RunOkAsync(db, "labs", "add", "serum-magnesium", "0.72", "--unit", "mmol/L", "--date", "2026-11-01");
        await Diary.RunOkAsync(db, "labs", "add", "serum-magnesium", "1.8", "--unit", "mg/dL", "--date", "2026-11-15");
        await Diary.RunOkAsync(db, "labs", "add", "creatinine", "0.9", "--unit", "mg/dL");
        var j = JsonDocument.Parse(await Diary.RunOkAsync(db, "assess", "--heavy-alcohol", "no", "--json")).RootElement;
        Assert.Equal(113.5, j.GetProperty("intake").GetProperty("meanMagnesiumMg").GetDouble());   // (148 + 79) / 2
        Assert.Equal(2, j.GetProperty("intake").GetProperty("daysBelowEar").GetInt32());
        Assert.Equal("<75% of RDA", j.GetProperty("evidence").GetProperty("vitalCategory").GetString());
        // The latest serum value wins: 1.8 mg/dL = 0.741 mmol/L.
        Assert.Equal(0.741, j.GetProperty("serum").GetProperty("result").GetProperty("mmolPerL").GetDouble());
        // eGFR, woman 34, 0.9 mg/dL: 142 × (0.9/0.7)^−1.2 (0.73963) × 0.9938^34 (0.80942) × 1.012 = 86.0 → kidney 1 point; PPI 1.
        Assert.Equal(86.0, j.GetProperty("kidney").GetProperty("egfrMlMin173m2").GetDouble());
        Assert.Equal(2, j.GetProperty("mds").GetProperty("score").GetInt32());
        // Screening: muscle cramps from the diary (2) + PPI from the profile (2).
        Assert.Equal(4, j.GetProperty("screening").GetProperty("points").GetInt32());
        Assert.Contains(j.GetProperty("missing").EnumerateArray(), m => m.GetString()!.Contains("fasting-glucose", StringComparison.Ordinal));
    }
}

/// <summary>Bad input to the calculators: exit 2, one stderr line naming the flag, nothing written.</summary>
public sealed class AssessmentBadInputTests
{
    [Theory]
    [InlineData("screen --symptoms headache", "--symptoms: unknown id 'headache'")]
    [InlineData("screen --medications aspirin", "--medications: unknown id 'aspirin'")]
    [InlineData("screen --conditions flu", "--conditions: unknown id 'flu'")]
    [InlineData("screen --situations travel", "--situations: unknown id 'travel'")]
    [InlineData("egfr --creatinine 1 --age 50 --sex male", "--creatinine-unit is required")]
    [InlineData("egfr --creatinine 1 --creatinine-unit mmol/L --age 50 --sex male", "--creatinine-unit must be mg/dL or umol/L")]
    [InlineData("egfr --creatinine-unit mg/dL --age 50 --sex male", "--creatinine is required")]
    [InlineData("egfr --creatinine 1 --creatinine-unit mg/dL --sex male", "--age is required")]
    [InlineData("egfr --creatinine 1 --creatinine-unit mg/dL --age 50", "--sex is required")]
    [InlineData("egfr --creatinine 1 --creatinine-unit mg/dL --age 50 --sex x", "--sex must be female or male")]
    [InlineData("egfr --creatinine 1 --creatinine-unit mg/dL --age 12 --sex male", "--age must be between 18 and 120 years")]
    [InlineData("egfr --creatinine 30 --creatinine-unit mg/dL --age 50 --sex male", "--creatinine must be between 0.1 and 20 mg/dL")]
    [InlineData("egfr --creatinine 0 --creatinine-unit mg/dL --age 50 --sex male", "--creatinine must be between 0.1 and 20 mg/dL")]
    [InlineData("egfr --creatinine abc --creatinine-unit mg/dL --age 50 --sex male", "abc")]
    [InlineData("mds --ppi no --egfr 80 --heavy-alcohol no", "--diuretic is required")]
    [InlineData("mds --diuretic maybe --ppi no --egfr 80 --heavy-alcohol no", "--diuretic must be yes or no")]
    [InlineData("mds --diuretic no --ppi no --egfr 80", "--heavy-alcohol is required")]
    [InlineData("mds --diuretic no --ppi no --heavy-alcohol no", "--egfr or --creatinine (with its unit, age and sex) is required")]
    [InlineData("mds --diuretic no --ppi no --egfr 0 --heavy-alcohol no", "--egfr must be above 0")]
    [InlineData("mds --diuretic no --ppi no --egfr 301 --heavy-alcohol no", "--egfr must be above 0 and at most 300")]
    [InlineData("mds --diuretic no --ppi no --egfr 80 --creatinine 1 --heavy-alcohol no", "--egfr or --creatinine (with its unit, age and sex): give one, not both")]
    [InlineData("metabolic", "give at least one measurement")]
    [InlineData("metabolic --glucose 100", "--glucose-unit is required with --glucose")]
    [InlineData("metabolic --glucose 100 --glucose-unit g/L", "unit for fasting-glucose must be one of mg/dL, mmol/L")]
    [InlineData("metabolic --glucose 5 --glucose-unit mg/dL", "outside the physiologically possible range")]
    [InlineData("metabolic --insulin 10", "--insulin-unit is required with --insulin")]
    [InlineData("metabolic --insulin 10 --insulin-unit uU/mL --insulin-factor 9", "--insulin-factor must be between 5 and 8")]
    [InlineData("metabolic --triglycerides 150", "--lipid-unit is required with --triglycerides")]
    [InlineData("metabolic --hdl 300 --lipid-unit mg/dL", "--hdl: hdl 300 mg/dL is outside")]
    [InlineData("metabolic --waist-cm 90", "--waist-cm needs --population and --sex")]
    [InlineData("metabolic --waist-cm 90 --population martian --sex male", "--population: unknown 'martian'")]
    [InlineData("metabolic --waist-cm 500 --population europid --sex male", "--waist-cm must be between 40 and 250")]
    [InlineData("metabolic --systolic 400 --diastolic 80", "--systolic must be between 60 and 300")]
    [InlineData("metabolic --systolic 120 --diastolic 130", "--diastolic must be lower than --systolic")]
    [InlineData("metabolic --glucose 100 --glucose-unit mg/dL --sex other", "--sex must be female or male")]
    [InlineData("serum 0.8", "--unit is required")]
    [InlineData("serum 0.8 --unit g/L", "unit for serum-magnesium must be one of mmol/L, mg/dL, mEq/L")]
    [InlineData("serum 12 --unit mmol/L", "outside the physiologically possible range")]
    [InlineData("serum -1 --unit mmol/L", "-1")]
    [InlineData("serum abc --unit mmol/L", "abc")]
    [InlineData("evidence --intake-mg 300", "--intake-mg needs --age and --sex")]
    [InlineData("evidence --intake-mg -5 --age 40 --sex male", "--intake-mg must be between 0 and 10000")]
    [InlineData("evidence --age 40 --sex male", "--age and --sex go with --intake-mg")]
    [InlineData("evidence --intake-mg 300 --age 40 --sex male --pregnant", "--pregnant")]
    [InlineData("labs add cholesterol 5 --unit mmol/L", "unknown lab 'cholesterol'")]
    [InlineData("labs add serum-magnesium 0.8", "--unit is required")]
    [InlineData("labs add serum-magnesium 0.8 --unit ppm", "unit for serum-magnesium must be one of")]
    [InlineData("labs add creatinine 50 --unit mg/dL", "outside the physiologically possible range")]
    [InlineData("labs add fasting-insulin 10 --unit uU/mL --date 2031-01-01", "is in the future")]
    [InlineData("assess --from 2026-11-01", "give both --from and --to")]
    [InlineData("assess --heavy-alcohol sometimes", "--heavy-alcohol must be yes or no")]
    [InlineData("assess --conditions gout", "--conditions: unknown id 'gout'")]
    public async Task BadInput_IsRejectedAndChangesNothing(string args, string message)
    {
        var db = await Diary.WithProfileAsync();
        var before = await Diary.RunOkAsync(db, "labs", "list", "--json") + await Diary.ExportAsync(db);
        var r = await CliRunner.RunAsync([.. args.Split(' ', StringSplitOptions.RemoveEmptyEntries), "--db", db]);
        Assert.Equal(2, r.Exit);
        Assert.Equal("", r.Out);
        var line = Assert.Single(r.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(message, line, StringComparison.Ordinal);
        Assert.Equal(before, await Diary.RunOkAsync(db, "labs", "list", "--json") + await Diary.ExportAsync(db));
    }

    [Fact]
    public async Task Assess_WithoutAProfile_SaysHowToCreateOne()
    {
        var r = await CliRunner.RunAsync("assess", "--db", await CliRunner.FreshDatabaseAsync());
        Assert.Equal(2, r.Exit);
        Assert.Contains("magnesia profile set", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evidence_FromAnEmptyDiary_IsBadInput()
    {
        var r = await CliRunner.RunAsync("evidence", "--db", await Diary.WithProfileAsync());
        Assert.Equal(2, r.Exit);
        Assert.Contains("nothing logged in the last 30 days", r.Err, StringComparison.Ordinal);
    }
}
