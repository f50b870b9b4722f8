using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Magnesia.Data.Migrations
{
    /// <inheritdoc />
    public partial class InitialFoods : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "datasets",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    FoodCount = table.Column<int>(type: "INTEGER", nullable: false),
                    ImportedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_datasets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "food_groups",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_food_groups", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "foods",
                columns: table => new
                {
                    Ndb = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ShortName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    GroupCode = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    CommonNames = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Manufacturer = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ScientificName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    SurveyFood = table.Column<bool>(type: "INTEGER", nullable: false),
                    MagnesiumUgPer100g = table.Column<long>(type: "INTEGER", nullable: true),
                    CalciumUgPer100g = table.Column<long>(type: "INTEGER", nullable: true),
                    PotassiumUgPer100g = table.Column<long>(type: "INTEGER", nullable: true),
                    EnergyKcalPer100g = table.Column<double>(type: "REAL", nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_foods", x => x.Ndb);
                    table.ForeignKey(
                        name: "FK_foods_food_groups_GroupCode",
                        column: x => x.GroupCode,
                        principalTable: "food_groups",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "food_portions",
                columns: table => new
                {
                    Ndb = table.Column<string>(type: "TEXT", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Grams = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_food_portions", x => new { x.Ndb, x.Sequence });
                    table.ForeignKey(
                        name: "FK_food_portions_foods_Ndb",
                        column: x => x.Ndb,
                        principalTable: "foods",
                        principalColumn: "Ndb",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_foods_GroupCode",
                table: "foods",
                column: "GroupCode");

            migrationBuilder.CreateIndex(
                name: "IX_foods_MagnesiumUgPer100g",
                table: "foods",
                column: "MagnesiumUgPer100g");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "datasets");

            migrationBuilder.DropTable(
                name: "food_portions");

            migrationBuilder.DropTable(
                name: "foods");

            migrationBuilder.DropTable(
                name: "food_groups");
        }
    }
}
