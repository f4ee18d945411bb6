module grafana-api-contract.local/consumers/drivers/openapi-generator-go

go 1.23

require github.com/GIT_USER_ID/GIT_REPO_ID v0.0.0-00010101000000-000000000000

require github.com/stretchr/testify v1.12.1 // indirect

replace github.com/GIT_USER_ID/GIT_REPO_ID => ./client
