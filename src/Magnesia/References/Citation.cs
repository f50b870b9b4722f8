namespace Magnesia.References;

/// <summary>A primary source that a reference value is taken from.</summary>
/// <param name="Id">Stable short id, e.g. <c>iom-1997</c>.</param>
/// <param name="Text">Full bibliographic reference.</param>
/// <param name="Url">Where the source can be read, when it has a stable address.</param>
public sealed record Citation(string Id, string Text, string? Url = null)
{
    /// <summary>The reference followed by its address, as shown to users.</summary>
    public override string ToString() => Url is null ? Text : $"{Text} {Url}";
}

/// <summary>The primary sources Magnesia's reference data is taken from.</summary>
public static class Sources
{
    /// <summary>The IOM 1997 DRI report, chapter 6 (magnesium): EAR, RDA, AI and UL.</summary>
    public static readonly Citation Iom1997 = new(
        "iom-1997",
        "Institute of Medicine, Food and Nutrition Board. Dietary Reference Intakes for Calcium, Phosphorus, Magnesium, Vitamin D, and Fluoride. Washington, DC: National Academy Press; 1997. Chapter 6, Magnesium. doi:10.17226/5776",
        "https://www.nap.edu/read/5776/chapter/8");

    /// <summary>NIH Office of Dietary Supplements, Magnesium fact sheet for health professionals (reproduces the IOM values).</summary>
    public static readonly Citation OdsFactSheet = new(
        "ods-magnesium",
        "NIH Office of Dietary Supplements. Magnesium: Fact Sheet for Health Professionals.",
        "https://ods.od.nih.gov/factsheets/Magnesium-HealthProfessional/");

    /// <summary>NASEM DRI summary table for elements (RDA/AI by life stage).</summary>
    public static readonly Citation NasemDriSummary = new(
        "nasem-dri-summary",
        "National Academies of Sciences, Engineering, and Medicine. Dietary Reference Intakes: Elements (summary table), NCBI Bookshelf NBK545442, Appendix J, Table 3.",
        "https://www.ncbi.nlm.nih.gov/books/NBK545442/table/appJ_tab3/");

    /// <summary>IUPAC conventional standard atomic weights used for molar masses.</summary>
    public static readonly Citation IupacAtomicWeights = new(
        "iupac-atomic-weights",
        "IUPAC Commission on Isotopic Abundances and Atomic Weights. Standard atomic weights (conventional values): Mg 24.305, C 12.011, H 1.008, N 14.007, O 15.999, S 32.06, Cl 35.45.",
        "https://iupac.qmul.ac.uk/AtWt/");

    /// <summary>Firoz and Graber 2001: fractional absorption of four US magnesium preparations.</summary>
    public static readonly Citation FirozGraber2001 = new(
        "firoz-graber-2001",
        "Firoz M, Graber M. Bioavailability of US commercial magnesium preparations. Magnes Res 2001;14(4):257-262. PMID 11794633.",
        "https://pubmed.ncbi.nlm.nih.gov/11794633/");

    /// <summary>Rylander 2014: review of magnesium salt bioavailability.</summary>
    public static readonly Citation Rylander2014 = new(
        "rylander-2014",
        "Rylander R. Bioavailability of magnesium salts - a review. J Pharm Nutr Sci 2014;4(1):57-59.",
        "https://setpublisher.com/pms/index.php/jpans/article/view/1618");

    /// <summary>Blancquaert et al. 2019: in vitro and in vivo bioavailability of 15 supplements.</summary>
    public static readonly Citation Blancquaert2019 = new(
        "blancquaert-2019",
        "Blancquaert L, Vervaet C, Derave W. Predicting and testing bioavailability of magnesium supplements. Nutrients 2019;11(7):1663. doi:10.3390/nu11071663",
        "https://doi.org/10.3390/nu11071663");

    /// <summary>USDA SR28, the food composition data.</summary>
    public static readonly Citation UsdaSr28 = new(
        "usda-sr28",
        "US Department of Agriculture, Agricultural Research Service, Nutrient Data Laboratory. USDA National Nutrient Database for Standard Reference, Release 28. Version Current: September 2015 (slightly revised May 2016).",
        "https://www.ars.usda.gov/northeast-area/beltsville-md-bhnrc/beltsville-human-nutrition-research-center/methods-and-application-of-food-composition-laboratory/mafcl-site-pages/sr11-sr28/");

    /// <summary>Costello et al. 2016: perspective on magnesium status assessment and the 0.85 mmol/L cut-off.</summary>
    public static readonly Citation Costello2016 = new(
        "costello-2016",
        "Costello RB, Elin RJ, Rosanoff A, et al. Perspective: The case for an evidence-based reference interval for serum magnesium: the time has come. Adv Nutr 2016;7(6):977-993. doi:10.3945/an.116.012765",
        "https://doi.org/10.3945/an.116.012765");

    /// <summary>FDA Drug Safety Communication on long-term PPI use and low magnesium (2011).</summary>
    public static readonly Citation FdaPpi2011 = new(
        "fda-ppi-2011",
        "US Food and Drug Administration. FDA Drug Safety Communication: Low magnesium levels can be associated with long-term use of Proton Pump Inhibitor drugs (PPIs). 2 March 2011.",
        "https://www.fda.gov/drugs/drug-safety-and-availability/fda-drug-safety-communication-low-magnesium-levels-can-be-associated-long-term-use-proton-pump");

    /// <summary>Australian/NZ Nutrient Reference Values, magnesium (absorption efficiency, body stores).</summary>
    public static readonly Citation AuNzNrv = new(
        "nrv-au-nz",
        "National Health and Medical Research Council. Nutrient Reference Values for Australia and New Zealand: Magnesium.",
        "https://www.eatforhealth.gov.au/nutrient-reference-values/nutrients/magnesium");
}
