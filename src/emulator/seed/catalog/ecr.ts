// ECR: the registry the deploy pipeline pushes to and the shop's containers pull from.
import { ACCOUNT_ID, REPOSITORIES } from '../resources';
import { defineService, err, fixed, named, notAuthorized, param } from './define';
import type { Builder } from './types';

const repo = named('repositoryName', REPOSITORIES);
const repoImage: Builder = (c) => ({
  requestParameters: {
    repositoryName: c.rng.pick(REPOSITORIES),
    registryId: ACCOUNT_ID,
    imageIds: [{ imageTag: c.rng.pick(['latest', 'main', `sha-${c.rng.hex(7)}`]) }],
  },
});
const layers: Builder = (c) => ({
  requestParameters: {
    repositoryName: c.rng.pick(REPOSITORIES),
    registryId: ACCOUNT_ID,
    layerDigests: [`sha256:${c.rng.hex(64)}`],
  },
});

const ecrDenied = err('AccessDeniedException', 1, notAuthorized);
const noRepository = err(
  'RepositoryNotFoundException',
  1,
  (c) =>
    `The repository with name '${param(c.params, 'repositoryName')}' does not exist in the registry with id '${ACCOUNT_ID}'`,
);

export const ecr = defineService(
  {
    key: 'ecr',
    source: 'ecr.amazonaws.com',
    actionPrefix: 'ecr',
    host: (region) => `api.ecr.${region}.amazonaws.com`,
    denied: ecrDenied,
    errors: [noRepository, ecrDenied],
    errorRate: 0.015,
    build: repo,
    machineOnly: [
      'BatchGetImage',
      'GetDownloadUrlForLayer',
      'BatchCheckLayerAvailability',
      'InitiateLayerUpload',
      'UploadLayerPart',
      'CompleteLayerUpload',
      'PutImage',
    ],
  },
  [
    [
      'GetAuthorizationToken',
      20,
      { build: fixed({ registryIds: [ACCOUNT_ID] }), errors: [ecrDenied], errorRate: 0.005 },
    ],
    ['DescribeRepositories', 8, fixed({ maxResults: 1000 })],
    ['DescribeImages', 8, repoImage],
    ['ListImages', 4],
    ['BatchGetImage', 10, repoImage],
    ['GetDownloadUrlForLayer', 12, layers],
    ['BatchCheckLayerAvailability', 4, { build: layers, readOnly: true }],
    [
      'DescribeImageScanFindings',
      2,
      {
        build: repoImage,
        errors: [err('ScanNotFoundException', 1, () => 'Image scan does not exist for the image')],
        errorRate: 0.2,
      },
    ],
    [
      'GetLifecyclePolicy',
      1,
      {
        errors: [
          err(
            'LifecyclePolicyNotFoundException',
            1,
            (c) =>
              `Lifecycle policy does not exist for the repository with name '${param(c.params, 'repositoryName')}' in the registry with id '${ACCOUNT_ID}'`,
          ),
        ],
        errorRate: 0.5,
      },
    ],
    [
      'GetRepositoryPolicy',
      1,
      {
        errors: [
          err(
            'RepositoryPolicyNotFoundException',
            1,
            (c) =>
              `Repository policy does not exist for the repository with name '${param(c.params, 'repositoryName')}' in the registry with id '${ACCOUNT_ID}'`,
          ),
        ],
        errorRate: 0.7,
      },
    ],
    [
      'ListTagsForResource',
      1,
      (c) => ({
        requestParameters: {
          resourceArn: `arn:aws:ecr:${c.region}:${ACCOUNT_ID}:repository/${c.rng.pick(REPOSITORIES)}`,
        },
      }),
    ],
    ['InitiateLayerUpload', 1, { errors: [ecrDenied] }],
    [
      'UploadLayerPart',
      2,
      (c) => ({
        requestParameters: {
          repositoryName: c.rng.pick(REPOSITORIES),
          uploadId: c.rng.uuid(),
          partFirstByte: 0,
          partLastByte: c.rng.between(2_000_000, 30_000_000),
        },
      }),
    ],
    ['CompleteLayerUpload', 1, layers],
    [
      'PutImage',
      0.5,
      {
        build: (c) => ({
          requestParameters: {
            repositoryName: c.rng.pick(REPOSITORIES),
            imageTag: `sha-${c.rng.hex(7)}`,
            imageManifestMediaType: 'application/vnd.docker.distribution.manifest.v2+json',
          },
        }),
        errors: [err('ImageAlreadyExistsException', 1, () => 'Image with digest and tag already exists')],
        errorRate: 0.05,
      },
    ],
    ['BatchDeleteImage', 0.1, repoImage],
  ],
);
