import { describe, expect, it } from 'vitest';
import { READ_COMMANDS, SERVICES, commandClass, type ServiceName } from '../../src/aws/commands.js';
import { createAwsGateway } from '../../src/aws/gateway.js';

/** The verbs of AWS API operations that only read (IAM's access level "Read" or "List"). */
const READ_VERB = /^(Get|List|Describe|Simulate)[A-Z]/;

const operations = Object.entries(READ_COMMANDS).flatMap(([service, commands]) =>
  Object.entries(commands).map(([operation, Command]) => ({
    service: service as ServiceName,
    operation,
    Command: Command as unknown as { name: string },
  })),
);

describe('read-only', () => {
  it('fails when a command the audit can send is not a read (Get, List, Describe, Simulate)', () => {
    const writes = operations.filter(({ operation }) => !READ_VERB.test(operation));

    expect(writes).toEqual([]);
  });

  it('fails when an operation name and the SDK command it sends differ', () => {
    const mismatched = operations.filter(
      ({ operation, Command }) => Command.name !== `${operation}Command`,
    );

    expect(mismatched).toEqual([]);
    expect(Object.keys(READ_COMMANDS).sort()).toEqual(Object.keys(SERVICES).sort());
  });

  it('fails when the gateway would send an operation that is not listed', async () => {
    const sent: object[] = [];
    const gateway = createAwsGateway({
      makeClient: () => ({ send: async (command: object) => sent.push(command) }),
    });

    const attempts = [
      gateway.call('sesv2', 'us-east-1', 'SendEmail', { Content: {} }),
      gateway.call('iam', 'us-east-1', 'CreateAccessKey', { UserName: 'u' }),
      gateway.call('route53', 'us-east-1', 'ChangeResourceRecordSets', {}),
      gateway.call('sesv2', 'us-east-1', 'toString', {}),
    ];

    await expect(attempts[0]).rejects.toThrow(
      'ses:SendEmail is not a read command the audit may send',
    );
    await expect(attempts[1]).rejects.toThrow('iam:CreateAccessKey is not a read command');
    await expect(attempts[2]).rejects.toThrow('route53:ChangeResourceRecordSets is not a read');
    await expect(attempts[3]).rejects.toThrow('ses:toString is not a read command');
    expect(sent).toEqual([]);
    expect(commandClass('sesv2', 'constructor')).toBeUndefined();
  });

  it('passes when a listed read goes through the gateway to the client', async () => {
    const sent: string[] = [];
    const gateway = createAwsGateway({
      makeClient: () => ({
        send: async (command: object) => {
          sent.push(command.constructor.name);
          return { SendingEnabled: true };
        },
      }),
    });

    const result = await gateway.call('sesv2', 'us-east-1', 'GetAccount');

    expect(result).toEqual({ ok: true, value: { SendingEnabled: true } });
    expect(sent).toEqual(['GetAccountCommand']);
  });
});
