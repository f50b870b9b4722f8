using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Magnesia.Data.Migrations
{
    /// <inheritdoc />
    public partial class NutrientVector : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "custom_food_nutrients",
                columns: table => new
                {
                    CustomFoodId = table.Column<long>(type: "INTEGER", nullable: false),
                    Nutrient = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Amount = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_custom_food_nutrients", x => new { x.CustomFoodId, x.Nutrient });
                    table.ForeignKey(
                        name: "FK_custom_food_nutrients_custom_foods_CustomFoodId",
                        column: x => x.CustomFoodId,
                        principalTable: "custom_foods",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
            migrationBuilder.CreateTable(
                name: "food_nutrients",
                columns: table => new
                {
                    Ndb = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Nutrient = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Amount = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_food_nutrients", x => new { x.Ndb, x.Nutrient });
                    table.ForeignKey(
                        name: "FK_food_nutrients_foods_Ndb",
                        column: x => x.Ndb,
                        principalTable: "foods",
                        principalColumn: "Ndb",
                        onDelete: ReferentialAction.Cascade);
                });

            // Custom foods are user data: move their four values into the nutrient rows before the columns go.
            // SR28 foods get every nutrient from the embedded data on first open (Sr28Provisioner.EnsureNutrientsAsync).
            foreach (var (nutrient, column) in new[] { ("magnesium", "\"MagnesiumUgPer100g\""), ("calcium", "\"CalciumUgPer100g\""), ("potassium", "\"PotassiumUgPer100g\""), ("energy", "CAST(ROUND(\"EnergyKcalPer100g\" * 1000) AS INTEGER)") })
                migrationBuilder.Sql($"INSERT INTO custom_food_nutrients (\"CustomFoodId\", \"Nutrient\", \"Amount\") SELECT \"Id\", '{nutrient}', {column} FROM custom_foods;");
            migrationBuilder.DropIndex(
                name: "IX_foods_MagnesiumUgPer100g",
                table: "foods");
            migrationBuilder.DropColumn(
                name: "CalciumUgPer100g",
                table: "foods");
            migrationBuilder.DropColumn(
                name: "EnergyKcalPer100g",
                table: "foods");
            migrationBuilder.DropColumn(
                name: "MagnesiumUgPer100g",
                table: "foods");
            migrationBuilder.DropColumn(
                name: "PotassiumUgPer100g",
                table: "foods");
            migrationBuilder.DropColumn(
                name: "CalciumUgPer100g",
                table: "custom_foods");
            migrationBuilder.DropColumn(
                name: "EnergyKcalPer100g",
                table: "custom_foods");
            migrationBuilder.DropColumn(
                name: "MagnesiumUgPer100g",
                table: "custom_foods");
            migrationBuilder.DropColumn(
                name: "PotassiumUgPer100g",
                table: "custom_foods");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "custom_food_nutrients");

            migrationBuilder.DropTable(
                name: "food_nutrients");

            migrationBuilder.AddColumn<long>(
                name: "CalciumUgPer100g",
                table: "foods",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "EnergyKcalPer100g",
                table: "foods",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "MagnesiumUgPer100g",
                table: "foods",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "PotassiumUgPer100g",
                table: "foods",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "CalciumUgPer100g",
                table: "custom_foods",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<double>(
                name: "EnergyKcalPer100g",
                table: "custom_foods",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<long>(
                name: "MagnesiumUgPer100g",
                table: "custom_foods",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "PotassiumUgPer100g",
                table: "custom_foods",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateIndex(
                name: "IX_foods_MagnesiumUgPer100g",
                table: "foods",
                column: "MagnesiumUgPer100g");
        }
    }
}
