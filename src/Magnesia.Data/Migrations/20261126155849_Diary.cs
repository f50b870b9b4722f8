using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Magnesia.Data.Migrations
{
    /// <inheritdoc />
    public partial class Diary : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "custom_foods",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    MagnesiumUgPer100g = table.Column<long>(type: "INTEGER", nullable: false),
                    CalciumUgPer100g = table.Column<long>(type: "INTEGER", nullable: false),
                    PotassiumUgPer100g = table.Column<long>(type: "INTEGER", nullable: false),
                    EnergyKcalPer100g = table.Column<double>(type: "REAL", nullable: false),
                    ServingGrams = table.Column<double>(type: "REAL", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_custom_foods", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "diary_entries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Meal = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    FoodRef = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Grams = table.Column<double>(type: "REAL", nullable: true),
                    PortionEntered = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    QuantityEntered = table.Column<double>(type: "REAL", nullable: true),
                    FormId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    ElementalMagnesiumUg = table.Column<long>(type: "INTEGER", nullable: true),
                    CompoundMg = table.Column<double>(type: "REAL", nullable: true),
                    CalciumUg = table.Column<long>(type: "INTEGER", nullable: true),
                    SignId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Severity = table.Column<int>(type: "INTEGER", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_diary_entries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "profiles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Sex = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    BirthDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AgeYears = table.Column<int>(type: "INTEGER", nullable: true),
                    AgeRecordedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    WeightKg = table.Column<double>(type: "REAL", nullable: true),
                    Medications = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_profiles", x => x.UserId);
                });

            migrationBuilder.CreateTable(
                name: "recipes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Servings = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_recipes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "profile_periods",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    To = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_profile_periods", x => x.Id);
                    table.ForeignKey(
                        name: "FK_profile_periods_profiles_UserId",
                        column: x => x.UserId,
                        principalTable: "profiles",
                        principalColumn: "UserId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "recipe_ingredients",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RecipeId = table.Column<long>(type: "INTEGER", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    FoodRef = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Grams = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_recipe_ingredients", x => x.Id);
                    table.ForeignKey(
                        name: "FK_recipe_ingredients_recipes_RecipeId",
                        column: x => x.RecipeId,
                        principalTable: "recipes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_custom_foods_UserId",
                table: "custom_foods",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_diary_entries_UserId_Date",
                table: "diary_entries",
                columns: new[] { "UserId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_profile_periods_UserId",
                table: "profile_periods",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_recipe_ingredients_RecipeId",
                table: "recipe_ingredients",
                column: "RecipeId");

            migrationBuilder.CreateIndex(
                name: "IX_recipes_UserId",
                table: "recipes",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "custom_foods");

            migrationBuilder.DropTable(
                name: "diary_entries");

            migrationBuilder.DropTable(
                name: "profile_periods");

            migrationBuilder.DropTable(
                name: "recipe_ingredients");

            migrationBuilder.DropTable(
                name: "profiles");

            migrationBuilder.DropTable(
                name: "recipes");
        }
    }
}
