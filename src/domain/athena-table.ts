// "Create Athena table" for a trail's log files: the CREATE EXTERNAL TABLE statement Athena needs to read
// the CloudTrail log files in the trail's bucket. The columns, SerDe and input format are those of the
// Athena documentation's CloudTrail table ("Querying AWS CloudTrail logs", "Create a table for CloudTrail
// logs in Athena using partition projection": https://docs.aws.amazon.com/athena/latest/ug/cloudtrail-logs.html);
// the partitions are projected from the delivery layout of delivery-files.ts
// (AWSLogs/<account>/CloudTrail/<region>/<yyyy>/<MM>/<dd>/), so Athena lists no partitions and needs no
// MSCK REPAIR TABLE.
import { datePath } from './delivery-files';

const COLUMNS: ReadonlyArray<readonly [string, string]> = [
  ['eventversion', 'STRING'],
  [
    'useridentity',
    `STRUCT<
        type: STRING,
        principalid: STRING,
        arn: STRING,
        accountid: STRING,
        invokedby: STRING,
        accesskeyid: STRING,
        username: STRING,
        onbehalfof: STRUCT<userid: STRING, identitystorearn: STRING>,
        sessioncontext: STRUCT<
            attributes: STRUCT<mfaauthenticated: STRING, creationdate: STRING>,
            sessionissuer: STRUCT<type: STRING, principalid: STRING, arn: STRING, accountid: STRING, username: STRING>,
            ec2roledelivery: STRING,
            webidfederationdata: STRUCT<federatedprovider: STRING, attributes: MAP<STRING, STRING>>,
            sourceidentity: STRING>>`,
  ],
  ['eventtime', 'STRING'],
  ['eventsource', 'STRING'],
  ['eventname', 'STRING'],
  ['awsregion', 'STRING'],
  ['sourceipaddress', 'STRING'],
  ['useragent', 'STRING'],
  ['errorcode', 'STRING'],
  ['errormessage', 'STRING'],
  // JSON objects whose shape depends on the API: kept as JSON text, read with json_extract.
  ['requestparameters', 'STRING'],
  ['responseelements', 'STRING'],
  ['additionaleventdata', 'STRING'],
  ['requestid', 'STRING'],
  ['eventid', 'STRING'],
  ['readonly', 'STRING'],
  ['resources', 'ARRAY<STRUCT<arn: STRING, accountid: STRING, type: STRING>>'],
  ['eventtype', 'STRING'],
  ['apiversion', 'STRING'],
  ['recipientaccountid', 'STRING'],
  ['serviceeventdetails', 'STRING'],
  ['sharedeventid', 'STRING'],
  ['vpcendpointid', 'STRING'],
  ['vpcendpointaccountid', 'STRING'],
  ['eventcategory', 'STRING'],
  [
    'addendum',
    'STRUCT<reason: STRING, updatedfields: STRING, originalrequestid: STRING, originaleventid: STRING>',
  ],
  ['sessioncredentialfromconsole', 'STRING'],
  ['edgedevicedetails', 'STRING'],
  ['tlsdetails', 'STRUCT<tlsversion: STRING, ciphersuite: STRING, clientprovidedhostheader: STRING>'],
];

export interface AthenaTableInput {
  bucket: string;
  /** The trail's S3 key prefix, if any. */
  prefix?: string;
  /** The accounts whose logs the bucket holds (one, or an organization's members). */
  accountIds: readonly string[];
  /** The Regions the trail logs (its home Region, or every Region of a multi-Region trail). */
  regions: readonly string[];
  /** First day of the projected dates, `yyyy/MM/dd`. */
  firstDay: string;
  tableName?: string;
}

/** Athena table names: lower-case letters, digits and underscores. */
export function athenaTableName(bucket: string): string {
  return `cloudtrail_logs_${bucket.toLowerCase().replace(/[^a-z0-9_]/g, '_')}`;
}

/** The S3 folder above the account folders: `s3://bucket/[prefix/]AWSLogs/`. */
export function athenaLogsRoot(bucket: string, prefix?: string): string {
  const cleaned = (prefix ?? '').replace(/^\/+|\/+$/g, '');
  return `s3://${bucket}/${cleaned ? `${cleaned}/` : ''}AWSLogs/`;
}

/** Where the files of one partition lie, as Athena expands `storage.location.template`. */
export const ATHENA_LOCATION_TEMPLATE = '${account}/CloudTrail/${region}/${date}';

/** `yyyy/MM/dd` of a time, as the projected `date` partition spells it: the key layout's date folders. */
export function athenaDay(ms: number): string {
  return datePath(ms);
}

export function athenaTableDdl(input: AthenaTableInput): string {
  const root = athenaLogsRoot(input.bucket, input.prefix);
  const name = input.tableName ?? athenaTableName(input.bucket);
  const columns = COLUMNS.map(([column, type]) => `    ${column} ${type}`).join(',\n');
  const properties: Array<[string, string]> = [
    ['projection.enabled', 'true'],
    ['projection.account.type', 'enum'],
    ['projection.account.values', input.accountIds.join(',')],
    ['projection.region.type', 'enum'],
    ['projection.region.values', input.regions.join(',')],
    ['projection.date.type', 'date'],
    ['projection.date.format', 'yyyy/MM/dd'],
    ['projection.date.interval', '1'],
    ['projection.date.interval.unit', 'DAYS'],
    ['projection.date.range', `${input.firstDay},NOW`],
    ['storage.location.template', `${root}${ATHENA_LOCATION_TEMPLATE}`],
  ];
  return `CREATE EXTERNAL TABLE ${name} (
${columns}
)
PARTITIONED BY (account STRING, region STRING, \`date\` STRING)
ROW FORMAT SERDE 'org.apache.hive.hcatalog.data.JsonSerDe'
STORED AS INPUTFORMAT 'com.amazon.emr.cloudtrail.CloudTrailInputFormat'
OUTPUTFORMAT 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat'
LOCATION '${root}'
TBLPROPERTIES (
${properties.map(([k, v]) => `  '${k}'='${v}'`).join(',\n')}
);`;
}
