using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Magnesia.Data.Migrations
{
    /// <inheritdoc />
    public partial class PlanningTables : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "food_prices",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Ndb = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Price = table.Column<double>(type: "REAL", nullable: false),
                    Per = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    PricePerGram = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_food_prices", x => new { x.UserId, x.Ndb });
                });

            migrationBuilder.CreateTable(
                name: "supplement_products",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    FormId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ElementalMgPerUnit = table.Column<double>(type: "REAL", nullable: false),
                    Units = table.Column<int>(type: "INTEGER", nullable: false),
                    Price = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_supplement_products", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_supplement_products_UserId",
                table: "supplement_products",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "food_prices");

            migrationBuilder.DropTable(
                name: "supplement_products");
        }
    }
}
