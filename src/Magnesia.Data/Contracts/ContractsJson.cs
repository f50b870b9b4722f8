using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Magnesia.Data.Contracts;

/// <summary>
/// Compile-time JSON metadata for every response record, so a CLI process serialises without reflection (a large
/// share of a short command's start-up).
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(DriResponse))]
[JsonSerializable(typeof(List<FormResponse>))]
[JsonSerializable(typeof(List<FoodHitResponse>))]
[JsonSerializable(typeof(FoodParseResponse))]
[JsonSerializable(typeof(SupplementPlanResponse))]
[JsonSerializable(typeof(FoodPlanResponse))]
[JsonSerializable(typeof(ProductResponse))]
[JsonSerializable(typeof(List<ProductResponse>))]
[JsonSerializable(typeof(PriceResponse))]
[JsonSerializable(typeof(FavouriteResponse))]
[JsonSerializable(typeof(UnstarredResponse))]
[JsonSerializable(typeof(List<FavouriteResponse>))]
[JsonSerializable(typeof(List<PriceResponse>))]
[JsonSerializable(typeof(List<MedicationResponse>))]
[JsonSerializable(typeof(List<FoodTopResponse>))]
[JsonSerializable(typeof(FoodResponse))]
[JsonSerializable(typeof(FoodImportResponse))]
[JsonSerializable(typeof(FoodSourcesResponse))]
[JsonSerializable(typeof(DbInfoResponse))]
[JsonSerializable(typeof(BackupResponse))]
[JsonSerializable(typeof(MigrateResponse))]
[JsonSerializable(typeof(ProfileResponse))]
[JsonSerializable(typeof(LoggedFoodResponse))]
[JsonSerializable(typeof(BatchResponse))]
[JsonSerializable(typeof(LoggedSupplementResponse))]
[JsonSerializable(typeof(LoggedSymptomResponse))]
[JsonSerializable(typeof(CustomFoodCreatedResponse))]
[JsonSerializable(typeof(CreatedResponse))]
[JsonSerializable(typeof(DeletedResponse))]
[JsonSerializable(typeof(DayEntriesResponse))]
[JsonSerializable(typeof(RecipeResponse))]
[JsonSerializable(typeof(OwnFoodsResponse))]
[JsonSerializable(typeof(DayResponse))]
[JsonSerializable(typeof(PeriodResponse))]
[JsonSerializable(typeof(ImportResponse))]
[JsonSerializable(typeof(ScreeningResponse))]
[JsonSerializable(typeof(EgfrResponse))]
[JsonSerializable(typeof(MdsResponse))]
[JsonSerializable(typeof(MetabolicResponse))]
[JsonSerializable(typeof(SerumResponse))]
[JsonSerializable(typeof(EvidenceResponse))]
[JsonSerializable(typeof(LabResponse))]
[JsonSerializable(typeof(List<LabResponse>))]
[JsonSerializable(typeof(AssessmentResponse))]
public sealed partial class ContractsJsonContext : JsonSerializerContext;

/// <summary>The JSON options of every face: camelCase, indented, non-ASCII kept readable, nulls written.</summary>
public static class ContractsJson
{
    /// <summary>Options backed by <see cref="ContractsJsonContext"/>.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        TypeInfoResolver = ContractsJsonContext.Default,
    };

    /// <summary>
    /// Starts the serializer's one-time set-up (encoder tables, options, converters: about 15 ms) on a background
    /// thread, so a short process that will print JSON overlaps it with parsing and reading the store; with
    /// <paramref name="shape"/>, also the metadata of the one shape the command prints (only that one: building the
    /// others costs a short process memory it never uses).
    /// </summary>
    public static void WarmUpInBackground(Type? shape = null) =>
        new Thread(() =>
        {
            JsonSerializer.Serialize(new CreatedResponse("warm-up"), Options);
            if (shape is not null)
                Options.GetTypeInfo(shape);
        }) { IsBackground = true, Name = "json-warm-up" }.Start();
}
