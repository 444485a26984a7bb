import { App } from 'aws-cdk-lib';
import { ApiStack, apiStackId } from './api-stack';

const app = new App();
const districtId = 'dingnan';
new ApiStack(app, apiStackId(districtId), { districtId });
