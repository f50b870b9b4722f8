using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Magnesia.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Sr28HouseholdMeasures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // No schema change: this migration marks stores provisioned before every SR28 household measure (WEIGHT.txt)
            // was embedded, so the next open runs Sr28Provisioner.EnsureMeasuresAsync, which replaces their SR28 portions.
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
