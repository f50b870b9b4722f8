using Magnesia.References;

namespace Magnesia.Tests.References;

public sealed class SupplementFormTests
{
    // Elemental Mg % = 100 × n(Mg) × 24.305 / M(salt), with IUPAC conventional atomic weights (C 12.011, H 1.008,
    // N 14.007, O 15.999, S 32.06, Cl 35.45, Mg 24.305). Expected molar masses and percentages computed by hand
    // from those weights, e.g. MgO: 24.305 + 15.999 = 40.304 g/mol → 100 × 24.305 / 40.304 = 60.30 %.
    // Cross-check: EU SmPC "Magnesioboi 48.62 mg" — 48.62 mg Mg from 404.85 mg lactate = 12.01 %.
    [Theory]
    [InlineData("oxide", "MgO", 40.30, 60.30)]
    [InlineData("hydroxide", "Mg(OH)2", 58.32, 41.68)]
    [InlineData("chloride-anhydrous", "MgCl2", 95.21, 25.53)]
    [InlineData("chloride-hexahydrate", "MgCl2·6H2O", 203.30, 11.96)]
    [InlineData("citrate", "Mg3(C6H5O7)2", 451.11, 16.16)]
    [InlineData("glycinate", "Mg(C2H4NO2)2", 172.42, 14.10)]
    [InlineData("malate", "MgC4H4O5", 156.38, 15.54)]
    [InlineData("taurate", "Mg(C2H6NO3S)2", 272.57, 8.92)]
    [InlineData("lactate", "Mg(C3H5O3)2", 202.44, 12.01)]
    [InlineData("gluconate", "Mg(C6H11O7)2", 414.60, 5.86)]
    // Aspartate as sold is the dihydrate: 288.50 + 2 × 18.015 = 324.53 g/mol → 7.49 % (audit §6).
    [InlineData("aspartate", "Mg(C4H6NO4)2·2H2O", 324.53, 7.49)]
    [InlineData("glutamate", "Mg(C5H8NO4)2", 316.55, 7.68)]
    // Orotate as sold is the dihydrate: Magnerot states 500 mg → 32.8 mg Mg = 6.56 % (source audit, issue 8).
    [InlineData("orotate", "Mg(C5H3N2O4)2·2H2O", 370.51, 6.56)]
    [InlineData("sulfate-anhydrous", "MgSO4", 120.36, 20.19)]
    [InlineData("sulfate-heptahydrate", "MgSO4·7H2O", 246.47, 9.86)]
    public void ElementalPercent_FollowsFromTheMolarMass(string id, string formula, double molarMass, double percent)
    {
        var form = SupplementForms.Find(id)!;
        Assert.Equal(formula, form.Formula.Text);
        Assert.Equal(molarMass, form.MolarMassGramsPerMole, 0.01);
        Assert.Equal(percent, form.ElementalPercent, 0.01);
        Assert.Null(form.StatedElementalPercent);
    }

    // USP 32 Magnesium Carbonate: 40.0–43.5 % MgO, i.e. 24.1–26.2 % Mg (× 24.305 / 40.304); pure MgCO3 would be 28.83 %
    // (84.31 g/mol). Audit §6: the salt as sold, not the pure compound, sets the dose.
    [Fact]
    public void Carbonate_IsTheUspSaltAsSold_NotPureMgCO3()
    {
        var form = SupplementForms.Find("carbonate")!;
        Assert.Equal(28.83, form.FormulaElementalPercent, 0.01);
        Assert.InRange(form.ElementalPercent, 40.0 * 24.305 / 40.304, 43.5 * 24.305 / 40.304);
        Assert.Contains(form.Sources, s => s.Id == "usp-magnesium-carbonate");
    }

    // EFSA 2017 (doi:10.2903/j.efsa.2017.4910): group ADI 30 mg/kg bw/day. 350 mg Mg as Mg(C5H8NO4)2 (7.68 %) = 4,558 mg salt,
    // 4,208 mg of it glutamate (2 × 146.12 / 316.55): twice the 2,100 mg ADI of a 70 kg adult.
    [Fact]
    public void Glutamate_FullDose_IsAboutTwiceEfsasAdi()
    {
        var form = SupplementForms.Find("glutamate")!;
        var salt = 350 / (form.ElementalPercent / 100);
        var glutamate = salt * (1 - 24.305 / form.MolarMassGramsPerMole);
        Assert.InRange(glutamate / (30 * 70), 1.9, 2.1);
        Assert.Contains("twice the ADI", form.Notes, StringComparison.Ordinal);
    }

    // Magnerot product information: 500 mg magnesium orotate dihydrate = 32.8 mg magnesium.
    [Fact]
    public void Orotate_500Milligrams_Gives32Point8MilligramsAsOnTheLabel() =>
        Assert.Equal(32.8, 500 * SupplementForms.Find("orotate")!.ElementalPercent / 100, 0.05);

    // Magtein product information: 2 g magnesium L-threonate provides 144 mg elemental magnesium (7.2 %), below the
    // anhydrous formula's 8.25 %; the manufacturer's figure is used and the notes say so.
    [Fact]
    public void Threonate_UsesTheManufacturersFigureAndSaysSo()
    {
        var form = SupplementForms.Find("l-threonate")!;
        Assert.Equal(8.25, form.FormulaElementalPercent, 0.01);
        Assert.Equal(7.2, form.ElementalPercent, 0.001);
        Assert.Equal(144, 2000 * form.ElementalPercent / 100, 0.001);
        Assert.Contains("manufacturer", form.Notes, StringComparison.Ordinal);
        Assert.Contains(form.Sources, s => s.Id == "magtein-label");
    }

    [Fact]
    public void All_HasExactlyTheContractedIdsInOrder() =>
        Assert.Equal(
            ["oxide", "hydroxide", "carbonate", "chloride-anhydrous", "chloride-hexahydrate", "citrate", "glycinate", "malate", "taurate",
             "lactate", "gluconate", "aspartate", "glutamate", "l-threonate", "orotate", "sulfate-anhydrous", "sulfate-heptahydrate"],
            SupplementForms.All.Select(f => f.Id));

    [Fact]
    public void EveryForm_HasNotesAndSources()
    {
        foreach (var f in SupplementForms.All)
        {
            Assert.False(string.IsNullOrWhiteSpace(f.Notes));
            Assert.NotEmpty(f.Sources);
        }
    }

    [Theory]
    [InlineData("OXIDE")]
    [InlineData(" citrate ")]
    public void Find_IgnoresCaseAndSpace(string id) => Assert.NotNull(SupplementForms.Find(id));

    [Fact]
    public void Find_ReturnsNullForUnknownIds() => Assert.Null(SupplementForms.Find("picolinate"));
}

public sealed class ChemicalFormulaTests
{
    [Theory]
    [InlineData("MgO", "Mg", 1)]
    [InlineData("Mg3(C6H5O7)2", "C", 12)]
    [InlineData("Mg3(C6H5O7)2", "O", 14)]
    [InlineData("MgSO4·7H2O", "H", 14)]
    [InlineData("MgSO4·7H2O", "O", 11)]
    [InlineData("Mg(C2H6NO3S)2", "S", 2)]
    public void Parse_CountsAtomsThroughGroupsAndHydrates(string formula, string element, int atoms) =>
        Assert.Equal(atoms, ChemicalFormula.Parse(formula).Atoms(element));

    [Theory]
    [InlineData("Mg(OH")]
    [InlineData("MgXe")]
    [InlineData("mgo")]
    [InlineData("Mg)")]
    public void Parse_RejectsMalformedFormulas(string formula) =>
        Assert.Throws<FormatException>(() => ChemicalFormula.Parse(formula));
}

public sealed class ReferenceListTests
{
    [Fact]
    public void DeficiencySigns_AreThe13OdsSignsWithUniqueIds()
    {
        Assert.Equal(13, DeficiencySigns.All.Count);
        Assert.Equal(13, DeficiencySigns.All.Select(s => s.Id).Distinct().Count());
        Assert.All(DeficiencySigns.All, s => Assert.Contains(Sources.OdsFactSheet, s.Sources));
        Assert.Equal(5, DeficiencySigns.All.Count(s => s.Stage == SignStage.Early));
    }

    [Fact]
    public void RiskSituations_AreEightWithUniqueIdsAndCitations()
    {
        Assert.Equal(8, RiskSituations.All.Count);
        Assert.Equal(8, RiskSituations.All.Select(s => s.Id).Distinct().Count());
        Assert.All(RiskSituations.All, s => Assert.NotEmpty(s.Sources));
    }

    [Theory]
    [InlineData("muscle-cramps")]
    [InlineData("abnormal-heart-rhythm")]
    public void DeficiencySigns_FindsByStableId(string id) => Assert.Equal(id, DeficiencySigns.Find(id)!.Id);

    [Fact]
    public void RiskSituations_FindsByStableId() => Assert.NotNull(RiskSituations.Find("low-magnesium-diet"));
}
