# Run by the postgres image's entrypoint once, when it initialises an empty data directory: one login role per
# service, each the owner of its own schema and of nothing else, so that neither service can read or write the
# other's tables (PRODUCT.md §2). Flyway then migrates inside the schema at each service's start.
# The role names and passwords come from the services' own database Secrets, passed in as psql variables so that
# no value is ever spliced into SQL text.
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v training_user="$TRAINING_DATABASE_USER" -v training_password="$TRAINING_DATABASE_PASSWORD" \
  -v campaign_user="$CAMPAIGN_DATABASE_USER" -v campaign_password="$CAMPAIGN_DATABASE_PASSWORD" <<'SQL'
CREATE ROLE :"training_user" LOGIN PASSWORD :'training_password';
CREATE SCHEMA training AUTHORIZATION :"training_user";
CREATE ROLE :"campaign_user" LOGIN PASSWORD :'campaign_password';
CREATE SCHEMA campaign AUTHORIZATION :"campaign_user";
REVOKE ALL ON SCHEMA public FROM PUBLIC;
SQL
