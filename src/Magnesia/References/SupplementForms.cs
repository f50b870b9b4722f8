namespace Magnesia.References;

/// <summary>
/// A magnesium salt sold as a supplement. The elemental magnesium percentage is computed from the formula:
/// <c>%Mg = 100 × atoms(Mg) × 24.305 / M(salt)</c>, with water of hydration included in M(salt).
/// </summary>
/// <param name="Id">Stable id used by the CLI and API, e.g. <c>citrate</c>.</param>
/// <param name="Name">Chemical name of the salt as it is taken.</param>
/// <param name="Formula">Formula of the salt as taken (anhydrous unless the id names a hydrate).</param>
/// <param name="Notes">Absorption, laxative effect and safety notes, each backed by <paramref name="Sources"/>.</param>
/// <param name="Sources">Sources for the notes and the chemistry.</param>
/// <param name="StatedElementalPercent">The manufacturer's stated elemental magnesium % for a salt sold with a
/// composition the formula does not capture; null when the percentage is computed from the formula.</param>
public sealed record SupplementForm(
    string Id,
    string Name,
    ChemicalFormula Formula,
    string Notes,
    IReadOnlyList<Citation> Sources,
    double? StatedElementalPercent = null)
{
    /// <summary>Molar mass of the salt in g/mol.</summary>
    public double MolarMassGramsPerMole => Formula.MolarMassGramsPerMole;

    /// <summary>Elemental magnesium % computed from the formula: 100 × atoms(Mg) × 24.305 / M(salt).</summary>
    public double FormulaElementalPercent =>
        100.0 * Formula.Atoms("Mg") * ChemicalFormula.AtomicWeights["Mg"] / MolarMassGramsPerMole;

    /// <summary>Elemental magnesium as a percentage of the salt's mass as sold: the manufacturer's figure where
    /// one is stated (<see cref="StatedElementalPercent"/>), else the formula's.</summary>
    public double ElementalPercent => StatedElementalPercent ?? FormulaElementalPercent;
}

/// <summary>The supplement salt forms Magnesia knows, by stable id.</summary>
public static class SupplementForms
{
    private const string UlNote =
        " Supplemental magnesium above the UL (350 mg/day from age 9) can cause diarrhoea, nausea and abdominal cramping; the UL does not apply to magnesium in food (IOM 1997).";

    private static readonly Citation[] Chem = [Sources.IupacAtomicWeights, Sources.Iom1997];

    /// <summary>USP monograph, Magnesium Carbonate: basic or normal hydrated, 40.0–43.5 % MgO (24.1–26.2 % Mg).</summary>
    public static readonly Citation UspCarbonate = new(
        "usp-magnesium-carbonate",
        "United States Pharmacopeia, monograph Magnesium Carbonate (USP 32): a basic hydrated or normal hydrated magnesium carbonate containing the equivalent of 40.0–43.5 % of MgO.");

    /// <summary>EFSA ANS Panel 2017, re-evaluation of glutamic acid and glutamates (E 620–625): group ADI 30 mg/kg bw a day.</summary>
    public static readonly Citation Efsa2017Glutamate = new(
        "efsa-2017-glutamate",
        "EFSA Panel on Food Additives and Nutrient Sources added to Food. Re-evaluation of glutamic acid (E 620), sodium, potassium, calcium, ammonium and magnesium glutamate (E 621–625) as food additives. EFSA Journal 2017;15(7):4910. doi:10.2903/j.efsa.2017.4910");

    /// <summary>
    /// The answer to "aspartate and glutamate are neurotoxic": no neurotoxicity is shown in people at supplement doses, but a
    /// full dose as glutamate exceeds EFSA's additive ADI (350 mg Mg as Mg(C5H8NO4)2 carries about 4.2 g of glutamate:
    /// 350 / 0.0768 = 4,558 mg salt, of which 92.3 % glutamate; the ADI is 30 mg/kg bw, 2.1 g at 70 kg).
    /// </summary>
    public const string GlutamateNote =
        "EFSA (2017) set a group ADI for glutamic acid and glutamates (magnesium glutamate is E 625) of 30 mg/kg body weight a day, from a rat neurodevelopmental study: 350 mg of magnesium as glutamate carries about 4.2 g of glutamate, twice the ADI of a 70 kg adult. No neurotoxicity has been shown in people at supplement doses, but choose another form for a full dose.";

    /// <summary>Magnerot (Wörwag Pharma) product information: one 500 mg tablet of magnesium orotate dihydrate
    /// contains 32.8 mg magnesium (6.56 %), which the dihydrate's formula reproduces.</summary>
    public static readonly Citation MagnerotLabel = new(
        "magnerot-label",
        "Wörwag Pharma. Magnerot 500 mg Tabletten, Fachinformation: 500 mg Magnesiumorotat-Dihydrat entsprechend 32,8 mg Magnesium.");

    /// <summary>Magtein (ThreoTech/AIDP) product information: 2 g of magnesium L-threonate provide 144 mg of
    /// elemental magnesium (7.2 %).</summary>
    public static readonly Citation MagteinLabel = new(
        "magtein-label",
        "Magtein magnesium L-threonate (ThreoTech LLC / AIDP) product information: 2,000 mg Magtein provides 144 mg elemental magnesium.");

    /// <summary>All forms, in the order the CLI lists them.</summary>
    public static IReadOnlyList<SupplementForm> All { get; } =
    [
        new("oxide", "Magnesium oxide", ChemicalFormula.Parse("MgO"),
            "Highest magnesium content by mass but poorly absorbed: fractional absorption about 4% in healthy volunteers, lower than chloride, lactate and aspartate. Also used as an antacid and laxative." + UlNote,
            [.. Chem, Sources.FirozGraber2001, Sources.OdsFactSheet]),
        new("hydroxide", "Magnesium hydroxide", ChemicalFormula.Parse("Mg(OH)2"),
            "Milk of magnesia: mainly an antacid and osmotic laxative rather than a supplement; laxative doses exceed the UL and are taken under a medicine's label." + UlNote,
            [.. Chem, Sources.OdsFactSheet]),
        new("carbonate", "Magnesium carbonate (basic, as sold)", ChemicalFormula.Parse("MgCO3"),
            "The carbonate sold (USP basic or normal hydrated magnesium carbonate) holds 40.0–43.5 % MgO, 24.1–26.2 % magnesium; 25.2 % (the middle) is used, not pure MgCO3's 28.8 %. Used in antacids; dissolves in stomach acid. Few human bioavailability data as a supplement." + UlNote,
            [.. Chem, UspCarbonate, Sources.OdsFactSheet], StatedElementalPercent: 25.2),
        new("chloride-anhydrous", "Magnesium chloride, anhydrous", ChemicalFormula.Parse("MgCl2"),
            "Soluble; absorbed better than oxide and about as well as lactate and aspartate in a urinary-excretion study." + UlNote,
            [.. Chem, Sources.FirozGraber2001, Sources.OdsFactSheet]),
        new("chloride-hexahydrate", "Magnesium chloride hexahydrate", ChemicalFormula.Parse("MgCl2·6H2O"),
            "The usual commercial chloride (flakes, solutions); the water of hydration halves the magnesium per gram. Absorption as for the chloride." + UlNote,
            [.. Chem, Sources.FirozGraber2001, Sources.OdsFactSheet]),
        new("citrate", "Trimagnesium dicitrate", ChemicalFormula.Parse("Mg3(C6H5O7)2"),
            "Soluble organic salt; reviews report consistently better bioavailability than oxide. Has an osmotic laxative effect at higher doses. Labels may use hydrated or 1:1 citrates with less magnesium per gram." + UlNote,
            [.. Chem, Sources.Rylander2014, Sources.OdsFactSheet]),
        new("glycinate", "Magnesium bisglycinate", ChemicalFormula.Parse("Mg(C2H4NO2)2"),
            "Amino-acid chelate; marketed as gentle on the gut, but published human bioavailability comparisons are few." + UlNote,
            [.. Chem, Sources.Blancquaert2019]),
        new("malate", "Magnesium malate (1:1)", ChemicalFormula.Parse("MgC4H4O5"),
            "Organic salt; included among 15 formulations tested in vitro, with little controlled human data." + UlNote,
            [.. Chem, Sources.Blancquaert2019]),
        new("taurate", "Magnesium taurate", ChemicalFormula.Parse("Mg(C2H6NO3S)2"),
            "Salt of taurine; little magnesium per gram and little controlled human bioavailability data." + UlNote,
            [.. Chem, Sources.Blancquaert2019]),
        new("lactate", "Magnesium lactate", ChemicalFormula.Parse("Mg(C3H5O3)2"),
            "Absorbed better than oxide and equivalent to chloride and aspartate in a urinary-excretion study." + UlNote,
            [.. Chem, Sources.FirozGraber2001, Sources.OdsFactSheet]),
        new("gluconate", "Magnesium gluconate", ChemicalFormula.Parse("Mg(C6H11O7)2"),
            "Soluble organic salt with the least magnesium per gram of the common forms; many tablets are needed for a meaningful dose." + UlNote,
            [.. Chem, Sources.Blancquaert2019]),
        new("aspartate", "Magnesium L-aspartate dihydrate", ChemicalFormula.Parse("Mg(C4H6NO4)2·2H2O"),
            "The salt as sold is the dihydrate (the pharmacopoeial form; anhydrous it would be 8.4 %). Absorbed better than oxide and equivalent to chloride and lactate in a urinary-excretion study. A licensed medicine in the UK (Magnaspartate); no neurotoxicity has been shown in people at supplement doses." + UlNote,
            [.. Chem, Sources.FirozGraber2001, Sources.OdsFactSheet]),
        new("glutamate", "Magnesium L-glutamate", ChemicalFormula.Parse("Mg(C5H8NO4)2"),
            "Amino-acid salt; little published human bioavailability data. " + GlutamateNote + UlNote,
            [.. Chem, Efsa2017Glutamate, Sources.OdsFactSheet]),
        new("l-threonate", "Magnesium L-threonate", ChemicalFormula.Parse("Mg(C4H7O5)2"),
            "Elemental % is the manufacturer's figure for the salt as sold (Magtein: 2 g give 144 mg, 7.2 %); the anhydrous formula would give 8.25 %, so the commercial material carries other matter such as water. Marketed for brain effects on the strength of animal studies; little human data." + UlNote,
            [.. Chem, MagteinLabel, Sources.OdsFactSheet], StatedElementalPercent: 7.2),
        new("orotate", "Magnesium orotate dihydrate", ChemicalFormula.Parse("Mg(C5H3N2O4)2·2H2O"),
            "The salt as sold is the dihydrate (Magnerot: 500 mg give 32.8 mg magnesium, 6.56 %, as the formula with its water gives). Salt of orotic acid; little magnesium per gram and little controlled human bioavailability data." + UlNote,
            [.. Chem, MagnerotLabel, Sources.OdsFactSheet]),
        new("sulfate-anhydrous", "Magnesium sulfate, anhydrous", ChemicalFormula.Parse("MgSO4"),
            "Poorly absorbed orally and a strong osmotic laxative; small studies found it less bioavailable than aspartate, citrate, lactate and chloride." + UlNote,
            [.. Chem, Sources.OdsFactSheet]),
        new("sulfate-heptahydrate", "Magnesium sulfate heptahydrate (Epsom salt)", ChemicalFormula.Parse("MgSO4·7H2O"),
            "Epsom salt: an osmotic laxative by mouth; parenteral magnesium sulfate is a hospital medicine, not a supplement." + UlNote,
            [.. Chem, Sources.OdsFactSheet]),
    ];

    private static readonly Dictionary<string, SupplementForm> ById = All.ToDictionary(f => f.Id, StringComparer.Ordinal);

    /// <summary>Finds a form by id (case-insensitive); null when unknown.</summary>
    public static SupplementForm? Find(string id) =>
        ById.GetValueOrDefault((id ?? string.Empty).Trim().ToLowerInvariant());

    /// <summary>The known ids, comma-separated, for error messages.</summary>
    public static string KnownIds => string.Join(", ", All.Select(f => f.Id));
}
