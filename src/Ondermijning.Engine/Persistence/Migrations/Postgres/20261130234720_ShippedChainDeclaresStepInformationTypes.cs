using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ondermijning.Engine.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ShippedChainDeclaresStepInformationTypes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            ShippedChainUpgrades.DeclareStepInformationTypes(migrationBuilder, up: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            ShippedChainUpgrades.DeclareStepInformationTypes(migrationBuilder, up: false);
        }
    }
}
