import { useTranslation } from 'react-i18next';
import { Foreign, RecordSentence } from '../../language/Foreign';

/**
 * Who vouches for whom, from the program office down to the holder, as numbered steps: the
 * holder is last, the issuer just before, and anyone earlier endorsed the one after them. The
 * organizations' names are records, in their own language; the holder's name is in none.
 */
export function ChainOfTrust({ chain }: { chain: string[] }) {
  const { t } = useTranslation();
  const roleOf = (index: number) => {
    if (index === chain.length - 1) return t('verify.chain.holder');
    if (index === chain.length - 2) return t('verify.chain.issuer');
    return <RecordSentence records={{ endorsee: chain[index + 1] ?? '' }} words={(marks) => t('verify.chain.endorser', { endorsee: marks.endorsee })} />;
  };
  return (
    <ol className="usa-process-list chain-of-trust">
      {chain.map((name, index) => (
        <li key={`${index}-${name}`} className="usa-process-list__item">
          <p className="usa-process-list__heading">{index === chain.length - 1 ? name : <Foreign>{name}</Foreign>}</p>
          <p className="margin-top-05">{roleOf(index)}</p>
        </li>
      ))}
    </ol>
  );
}
