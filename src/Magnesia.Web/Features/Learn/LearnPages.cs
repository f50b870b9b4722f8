namespace Magnesia.Web.Features.Learn;

/// <summary>A reference page under /learn.</summary>
public sealed record LearnPage(string Slug, string Title, string Summary);

/// <summary>The Learn pages: what a reader of the popular magnesium articles looks for, each with its primary sources.</summary>
public static class LearnPages
{
    public static IReadOnlyList<LearnPage> All { get; } =
    [
        new("dri", "How much magnesium do I need?", "EAR, RDA, AI and the supplemental UL for every life stage (IOM 1997)."),
        new("forms", "Supplement forms", "Elemental magnesium per form, absorption and laxative effect."),
        new("signs", "Signs of deficiency", "The 13 signs the NIH fact sheet lists, early to severe."),
        new("risks", "Who is at risk", "Life situations, conditions and medicines that lower magnesium."),
        new("insulin", "Magnesium and insulin resistance", "What the trials and cohorts show about insulin sensitivity."),
        new("evidence", "VITAL and the diabetes meta-analyses", "Pancreatic cancer and type 2 diabetes: hazard ratios, read correctly."),
        new("foods", "Magnesium-rich foods", "Straight from USDA SR28: per 100 g, per 100 kcal and per portion."),
    ];

    public static LearnPage? Find(string slug) => All.FirstOrDefault(p => p.Slug == slug);
}
