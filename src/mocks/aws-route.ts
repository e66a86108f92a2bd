// The one route the emulator answers: `<origin>[/base]/aws` and anything below it (S3 paths).
export const AWS_ROUTE = /\/aws(?:[/?]|$)/;
